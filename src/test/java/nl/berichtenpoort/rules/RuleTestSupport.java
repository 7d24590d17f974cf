package nl.berichtenpoort.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import nl.berichtenpoort.audit.Audit;
import nl.berichtenpoort.deadline.DeadlinePolicy;
import nl.berichtenpoort.deadline.WorkingDays;
import nl.berichtenpoort.flow.Correlator;
import nl.berichtenpoort.flow.Flow;
import nl.berichtenpoort.flow.HeenCheck;
import nl.berichtenpoort.flow.Ledger;
import nl.berichtenpoort.flow.MessageIdentifier;
import nl.berichtenpoort.flow.MessageValidator;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.Leveringen;
import nl.berichtenpoort.store.ContentFiles;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.Toewijzingen;
import nl.berichtenpoort.testsupport.TestDatabase;
import nl.berichtenpoort.validation.HeaderReader;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.XsdValidator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the context a rule sees from a message text, as the gateway does for a received message. */
final class RuleTestSupport {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));
    private static final XsdValidator VALIDATOR = new XsdValidator(new SchemaCatalog(Path.of("xsd")), 25L * 1024 * 1024);
    private static final CamelContext CAMEL = new DefaultCamelContext();

    private RuleTestSupport() {
    }

    static RuleContext context(String xml, long storeId) {
        try {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            var header = new HeaderReader().read(new java.io.ByteArrayInputStream(bytes));
            MessageType type = REGISTRY.find(header.namespace(), header.berichtCode()).orElseThrow();
            return new RuleContext(type, MessageIdentity.of(header), MessageTree.parse(bytes), storeId, TODAY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RuleContext context(String xml) {
        return context(xml, 1);
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.rule().code()).toList();
    }

    /** Exactly one violation: of this rule, with this RetourCode, on this class. */
    static void assertOnly(List<Violation> found, String code, String retourCode, String classPath) {
        assertThat(codes(found)).containsExactly(code);
        assertThat(found.get(0).rule().retourCode()).isEqualTo(retourCode);
        assertThat(found.get(0).classPath()).isEqualTo(classPath);
    }

    /**
     * A real store (H2 with the gateway's Flyway schema) in which messages are recorded the way the routes record them,
     * by the same processors on a Camel exchange: outbound (uitgaand.yaml) identify, validate, Ledger.outbound,
     * Correlator.answer and Ledger.sent; inbound (inkomend.yaml) identify, validate and Ledger.inbound, and for a
     * heenbericht our checks accept, HeenCheck with the rule engine of {@link RuleConfiguration} and Ledger.handedOver.
     * The stores and the client keys are the ones the rules under test are built with.
     */
    static final class RecordingGateway {

        final MessageStore store;
        final Toewijzingen toewijzingen;
        final Leveringen leveringen;
        final ClientKeys clientKeys = new ClientKeys("een geheim van minstens zestien tekens".getBytes(StandardCharsets.UTF_8));
        private final MessageIdentifier identifier = new MessageIdentifier(REGISTRY, VALIDATOR);
        private final MessageValidator validator = new MessageValidator(VALIDATOR, clientKeys);
        private final Ledger ledger;
        private final Correlator correlator;
        private final HeenCheck heenCheck;

        RecordingGateway(Path folder) {
            JdbcTemplate jdbc = TestDatabase.h2(folder);
            Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(), ZoneId.of("Europe/Amsterdam"));
            Deadlines deadlines = new Deadlines(jdbc, clock);
            store = new MessageStore(jdbc, new ContentFiles(folder.resolve("inhoud"), false), clock);
            toewijzingen = new Toewijzingen(jdbc);
            leveringen = new Leveringen(jdbc);
            Audit audit = new Audit(jdbc, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())), new ObjectMapper().findAndRegisterModules(), clock);
            correlator = new Correlator(store, REGISTRY, deadlines, toewijzingen, clientKeys, leveringen);
            ledger = new Ledger(store, deadlines, new DeadlinePolicy(new WorkingDays(Set.of())), audit, correlator, clock);
            heenCheck = new HeenCheck(new RuleConfiguration().ruleEngine(store, toewijzingen, leveringen, clientKeys), clock);
        }

        /** A message our back office sent (as gemeente: a 301 or 319), recorded as sent to VECOZO. */
        long sent(String xml) {
            Exchange exchange = identified(xml);
            ledger.outbound(exchange);
            correlator.answer(exchange);
            ledger.sent(exchange);
            return exchange.getProperty(Flow.STORE_ID, Long.class);
        }

        /** An earlier heenbericht that our checks accepted, with what it settles; fails when the checks would not accept it. */
        long accepted(String xml) {
            Exchange exchange = identified(xml);
            ledger.inbound(exchange);
            heenCheck.process(exchange);
            RuleOutcome outcome = exchange.getProperty(Flow.RULE_OUTCOME, RuleOutcome.class);
            assertThat(outcome.approved()).as("the gateway accepts this earlier message:\n%s", outcome.describe()).isTrue();
            ledger.handedOver(exchange);
            return exchange.getProperty(Flow.STORE_ID, Long.class);
        }

        /** The message under test, recorded as it arrives (before it is checked), and the context the rules see. */
        RuleContext received(String xml) {
            Exchange exchange = identified(xml);
            ledger.inbound(exchange);
            return context(xml, exchange.getProperty(Flow.STORE_ID, Long.class));
        }

        private Exchange identified(String xml) {
            Exchange exchange = new DefaultExchange(CAMEL);
            exchange.getIn().setBody(xml.getBytes(StandardCharsets.UTF_8));
            exchange.setProperty(Flow.SOURCE, "bericht-" + Integer.toHexString(xml.hashCode()) + ".xml");
            identifier.process(exchange);
            validator.process(exchange);
            return exchange;
        }
    }
}
