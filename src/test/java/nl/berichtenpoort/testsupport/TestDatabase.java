package nl.berichtenpoort.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real database with the gateway's schema: H2 in a file below a test folder, or the PostgreSQL that CI starts
 * (given by BERICHTENPOORT_TEST_POSTGRES_URL, _USER and _PASSWORD); tests on PostgreSQL are skipped, saying so, where
 * no PostgreSQL is given.
 */
public final class TestDatabase {

    public static final String POSTGRES_URL = "BERICHTENPOORT_TEST_POSTGRES_URL";

    private TestDatabase() {
    }

    public static JdbcTemplate h2(Path folder) {
        return migrated(new DriverManagerDataSource("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", ""),
                false);
    }

    /** An empty PostgreSQL schema, migrated; skips the test when no PostgreSQL is configured. */
    public static JdbcTemplate postgres() {
        String url = System.getenv(POSTGRES_URL);
        assumeTrue(url != null && !url.isBlank(), "SKIPPED: no PostgreSQL given (" + POSTGRES_URL + "); CI starts one and sets it");
        return migrated(new DriverManagerDataSource(url, System.getenv("BERICHTENPOORT_TEST_POSTGRES_USER"),
                System.getenv("BERICHTENPOORT_TEST_POSTGRES_PASSWORD")), true);
    }

    private static JdbcTemplate migrated(DataSource dataSource, boolean clean) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(!clean).load();
        if (clean) {
            flyway.clean();
        }
        flyway.migrate();
        return new JdbcTemplate(dataSource);
    }
}
