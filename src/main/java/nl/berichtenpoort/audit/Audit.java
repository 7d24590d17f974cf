package nl.berichtenpoort.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.berichtenpoort.flow.AfkeurEntry;
import nl.berichtenpoort.flow.Flow;
import nl.berichtenpoort.flow.RefusedMessageException;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.privacy.PersonalData;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.StoredMessage;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one event per step of a message for the durable audit queue: a JSON text with the step, type and
 * identificatie also as JMS properties so that operators can select on them. The routes call one method per step. An
 * event is written in the message store (table audit_uit) and {@link AuditForwarder} moves it to the queue, in batches:
 * the store's commit is the one a message waits for, not a journal sync of the broker per message, and a broker that
 * is down holds up no message. The opening steps of a message (ontvangen, gevalideerd) always have a later step in the
 * same exchange; they are written together with it in one store transaction. So is the delivery (verzonden,
 * retour-verzonden): its events wait for {@link nl.berichtenpoort.flow.Ledger#sent}, which writes them in the transaction
 * that records the state they report (one commit per message fewer, and never the one without the other). A step that
 * ends a message's turn counts as done only when its events are in the store; a crash before that leaves the file in
 * place, and reading it again records the steps again (see {@link #alVerwerkt}).
 */
@Component("audit")
public class Audit {

    /** The events of an exchange not yet written in the store. */
    private static final String OPEN_EVENTS = "bpAuditOpen";
    /** Steps whose events wait for a later step or store transaction of the same exchange. */
    private static final Set<String> WAITING = Set.of("ontvangen", "gevalideerd", "verzonden", "retour-verzonden");
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Runnable whenWritten = () -> {
    };

    public Audit(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public void ontvangen(Exchange exchange) {
        record(exchange, "ontvangen", "ok", null, null);
    }

    public void gevalideerd(Exchange exchange) {
        record(exchange, "gevalideerd", "ok", null, null);
    }

    public void verzonden(Exchange exchange) {
        record(exchange, "verzonden", "ok", null, null);
    }

    /**
     * A file processed to the end before a crash, read again after the restart and only moved away. Its opening steps
     * are recorded by this exchange, and the step that completed it is recorded again: the crash may have come after
     * the step and before its events were committed, and an event twice is better than an event missing.
     */
    public void alVerwerkt(Exchange exchange) {
        record(exchange, "al-verwerkt", "ok", null, null);
        String completed = completedBy(exchange.getProperty(Flow.TYPE, MessageType.class), "uit".equals(exchange.getProperty("bpDirection")),
                exchange.getProperty(Flow.ALREADY_DONE_STATE, MessageState.class));
        if (completed != null) {
            record(exchange, completed, "ok", null, "opnieuw vastgelegd na een herstart");
        }
    }

    private static String completedBy(MessageType type, boolean outbound, MessageState state) {
        if (outbound) {
            return switch (state) {
                case WACHT_OP_VOORGANGER -> "wacht-op-voorganger";
                case ONTVANGEN, IN_AFKEUR, FOUT -> null;
                default -> type.isRetour() ? "retour-verzonden" : "verzonden";
            };
        }
        if (type.isRetour()) {
            return state == MessageState.AFGELEVERD ? "geaccepteerd" : state == MessageState.IN_AFKEUR ? "afgekeurd" : null;
        }
        return switch (state) {
            case GEACCEPTEERD, AFGELEVERD, DEELS_TOEGEKEND -> "afgeleverd";
            case AFGEKEURD, AFGEWEZEN -> "afgekeurd";
            default -> null;
        };
    }

    /** An inbound heenbericht or accepted retour handed to the EPD. */
    public void afgeleverd(Exchange exchange) {
        record(exchange, "afgeleverd", "ok", null, null);
    }

    public void retourOntvangen(Exchange exchange) {
        record(exchange, "retour-ontvangen", "ok", codes(exchange), null);
    }

    public void geaccepteerd(Exchange exchange) {
        record(exchange, "geaccepteerd", "geaccepteerd", codes(exchange), null);
    }

    public void afgekeurd(Exchange exchange) {
        AfkeurEntry afkeur = exchange.getProperty(Flow.AFKEUR, AfkeurEntry.class);
        record(exchange, "afgekeurd", afkeur.problem(), afkeur.codes().stream().map(RetourCodeHit::code).distinct().toList(), afkeur.reason());
    }

    /** A message refused at control level 1 or by the header checks (a RefusedMessageException). */
    public void afgewezenValidatie(Exchange exchange) {
        RefusedMessageException refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RefusedMessageException.class);
        record(exchange, "afgewezen-validatie", refused.problem().name(), List.of(refused.problem().name()), refused.getMessage());
    }

    /** Our own retour to a received heenbericht went out. */
    public void retourVerzonden(Exchange exchange) {
        record(exchange, "retour-verzonden", "ok", null, null);
    }

    /** A follow-up held back until the retour of its predecessor is in. */
    public void wachtOpVoorganger(Exchange exchange) {
        record(exchange, "wacht-op-voorganger", "wacht", null, null);
    }

    public void fout(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String problem = caught instanceof RefusedMessageException refused ? refused.problem().name() : "TECHNICAL";
        record(exchange, "fout", problem, List.of(problem), caught == null ? null : PersonalData.maskBsns(caught.getMessage()));
    }

    /** An event about a stored message outside a route: a deadline passed, an operator acted. */
    public void record(String step, String outcome, StoredMessage message, String reason, String operator) {
        commit(new ArrayList<>(List.of(new Open(new AuditEvent(UUID.randomUUID().toString(), null, OffsetDateTime.now(clock), step, outcome, null, null,
                message == null ? null : message.berichttype(),
                message == null ? null : new AuditEvent.BerichtIdentificatie(message.identificatie(), message.dagtekening()),
                message == null ? null : message.afzender(), message == null ? null : message.ontvanger(),
                message == null ? null : message.fileName(), null, null, null, null, reason, operator), ""))));
    }

    private void record(Exchange exchange, String step, String outcome, List<String> codes, String reason) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        AuditEvent event = new AuditEvent(
                UUID.randomUUID().toString(),
                exchange.getExchangeId(),
                OffsetDateTime.now(clock),
                step,
                outcome,
                type == null ? null : type.standard().code(),
                type == null ? null : type.release(),
                type == null ? null : type.name(),
                identity == null ? null : new AuditEvent.BerichtIdentificatie(identity.identificatie(), identity.dagtekening()),
                identity == null ? null : identity.sender(),
                identity == null ? null : identity.receiver(),
                exchange.getProperty(Flow.SOURCE, String.class),
                ExchangeHelper.getAtRouteId(exchange),
                codes,
                facts == null ? null : facts.maskedBsns(),
                facts == null ? null : facts.bsnCount(),
                reason,
                null);
        List<Open> open = openEvents(exchange);
        open.add(new Open(event, exchange.getExchangeId()));
        if (!WAITING.contains(step)) {
            commit(open);
        }
    }

    /** Runs {@code listener} after every store commit that wrote events (the forwarder, to move them on at once). */
    public void whenWritten(Runnable listener) {
        this.whenWritten = listener;
    }

    /** Writes the events the exchange recorded so far in the store transaction under way (or in one of its own). */
    @SuppressWarnings("unchecked")
    public void writeRecorded(Exchange exchange) {
        List<Open> open = exchange.getProperty(OPEN_EVENTS, List.class);
        if (open != null && !open.isEmpty()) {
            commit(open);
        }
    }

    private record Open(AuditEvent event, String exchangeId) {
    }

    /**
     * The exchange's list of events not yet committed; shared by the copies an enrich makes, so an event is committed
     * once. Should an exchange end with waiting events only, they are committed as it completes, before its file moves.
     */
    @SuppressWarnings("unchecked")
    private List<Open> openEvents(Exchange exchange) {
        List<Open> open = exchange.getProperty(OPEN_EVENTS, List.class);
        if (open == null) {
            List<Open> created = new ArrayList<>();
            exchange.setProperty(OPEN_EVENTS, created);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    if (!created.isEmpty()) {
                        try {
                            commit(created);
                        } catch (RuntimeException e) {
                            LOG.error("Audit events of exchange {} not recorded: {}", done.getExchangeId(), e.getMessage());
                        }
                    }
                }
            });
            open = created;
        }
        return open;
    }

    /**
     * Writes the events in the store in one transaction, all of them or none: the one under way when there is one. They
     * leave the exchange's list once that transaction committed; rolled back, they stay to be written later.
     */
    private void commit(List<Open> open) {
        List<Open> events = List.copyOf(open);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Open written : events) {
            AuditEvent event = written.event();
            rows.add(new Object[] {text(event), event.step(), event.type() == null ? "" : event.type(),
                    event.berichtIdentificatie() == null ? "" : event.berichtIdentificatie().identificatie(), written.exchangeId()});
        }
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into audit_uit (gebeurtenis, stap, berichttype, identificatie, exchange_id) values (?, ?, ?, ?, ?)", rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    open.removeAll(events);
                    whenWritten.run();
                }
            });
        });
    }

    private String text(AuditEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit event", e);
        }
    }

    private static List<String> codes(Exchange exchange) {
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        return facts == null ? List.of() : facts.retourCodes().stream().map(RetourCodeHit::code).distinct().toList();
    }
}
