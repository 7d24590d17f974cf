package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.GemeenteSimulator;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway on PostgreSQL (profile postgresql), the production option: store, idempotent repositories, cycles. */
class PostgresGatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    @Test
    void aCycleRunsWithTheStoreInPostgresql() {
        TestDatabase.postgres();
        try (RunningGateway gateway = RunningGateway.start(root, "--spring.profiles.active=postgresql",
                "--spring.datasource.url=" + System.getenv(TestDatabase.POSTGRES_URL),
                "--spring.datasource.username=" + System.getenv("BERICHTENPOORT_TEST_POSTGRES_USER"),
                "--spring.datasource.password=" + System.getenv("BERICHTENPOORT_TEST_POSTGRES_PASSWORD"))) {
            drop(gateway.epdUit(), "start.xml", Fixtures.bytes("WMO305"));
            await().atMost(WAIT).until(() -> "VERZONDEN".equals(gateway.state("WMO305", "T305-000201")));
            new GemeenteSimulator(gateway).accept("WMO305", "T305-000201");
            await().atMost(WAIT).until(() -> "GEACCEPTEERD".equals(gateway.state("WMO305", "T305-000201")));

            drop(gateway.vecozoIn(), "toewijzing.xml", Fixtures.withoutReferentieAanbieder(Fixtures.text("JW301")).getBytes(StandardCharsets.UTF_8));

            await().atMost(WAIT).until(() -> Files.exists(gateway.epdIn().resolve("JW301_0384_T301-000101.xml")));
            assertThat(gateway.state("JW301", "T301-000101")).isEqualTo("GEACCEPTEERD");
            Integer stored = gateway.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from bericht", Integer.class);
            assertThat(stored).as("305, 306, 301 and our 302").isEqualTo(4);
        }
    }
}
