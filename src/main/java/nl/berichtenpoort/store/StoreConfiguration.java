package nl.berichtenpoort.store;

import java.time.Clock;
import nl.berichtenpoort.BerichtenpoortProperties;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message store (its message bytes as files in berichtenpoort.store.content-folder), its deadlines, dead letters, toewijzingen and leveringen, and the idempotent repositories of the
 * polling routes, in one database (H2 in file mode by default, PostgreSQL in production) whose tables Flyway creates
 * (src/main/resources/db/migration).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    MessageStore messageStore(JdbcTemplate jdbc, BerichtenpoortProperties properties, Clock clock) {
        return new MessageStore(jdbc, new ContentFiles(properties.store().contentFolder(), properties.store().syncContent()), clock);
    }

    @Bean
    Deadlines deadlines(JdbcTemplate jdbc, Clock clock) {
        return new Deadlines(jdbc, clock);
    }

    @Bean
    DeadLetterStore deadLetterStore(JdbcTemplate jdbc, Clock clock) {
        return new DeadLetterStore(jdbc, clock);
    }

    @Bean
    Toewijzingen toewijzingen(JdbcTemplate jdbc) {
        return new Toewijzingen(jdbc);
    }

    @Bean
    Leveringen leveringen(JdbcTemplate jdbc) {
        return new Leveringen(jdbc);
    }

    /** Files taken from the SFTP mailbox and messages pulled from the VSP (routes/vecozo/{sftp,vsp}/vecozo-in.yaml). */
    @Bean
    JdbcMessageIdRepository vecozoInProcessed(DataSource dataSource) {
        return repository(dataSource, "vecozo-in");
    }

    private static JdbcMessageIdRepository repository(DataSource dataSource, String processorName) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, processorName);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
