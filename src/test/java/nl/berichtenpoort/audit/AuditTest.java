package nl.berichtenpoort.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.berichtenpoort.testsupport.TestDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTest {

    @TempDir
    Path folder;

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private Audit audit;
    private Exchange exchange;

    @BeforeEach
    void store() {
        jdbc = TestDatabase.h2(folder);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        audit = new Audit(jdbc, transaction, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
        exchange = new DefaultExchange(new DefaultCamelContext());
    }

    @Test
    void aDeliveryEventWaitsForTheStoreTransactionThatRecordsTheStateAndIsWrittenInIt() {
        audit.ontvangen(exchange);
        audit.gevalideerd(exchange);
        audit.verzonden(exchange);
        assertThat(steps()).isEmpty();

        transaction.executeWithoutResult(status -> audit.writeRecorded(exchange));

        assertThat(steps()).containsExactly("ontvangen", "gevalideerd", "verzonden");
        audit.writeRecorded(exchange);
        assertThat(steps()).as("written once").hasSize(3);
    }

    @Test
    void eventsOfATransactionThatRolledBackStayWithTheExchangeAndAreWrittenLater() {
        audit.verzonden(exchange);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            audit.writeRecorded(exchange);
            throw new IllegalStateException("the state could not be recorded");
        })).hasMessageContaining("could not be recorded");
        assertThat(steps()).isEmpty();

        audit.writeRecorded(exchange);
        assertThat(steps()).containsExactly("verzonden");
    }

    @Test
    void aStepThatEndsTheTurnIsWrittenAtOnceWithTheEventsBeforeIt() {
        audit.ontvangen(exchange);
        audit.wachtOpVoorganger(exchange);

        assertThat(steps()).containsExactly("ontvangen", "wacht-op-voorganger");
    }

    private List<String> steps() {
        return jdbc.queryForList("select stap from audit_uit order by id", String.class);
    }
}
