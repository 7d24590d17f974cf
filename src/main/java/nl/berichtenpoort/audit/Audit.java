package nl.berichtenpoort.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.berichtenpoort.BerichtenpoortProperties;
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
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ExchangeHelper;
import org.springframework.stereotype.Component;

/**
 * Puts one event per step of a message on the durable audit queue: a JSON text message, persistent, with the step,
 * type and identificatie also as JMS properties so that operators can select on them. The routes call one method
 * per step; the send is synchronous, so a step counts as done only when its event is on the broker.
 */
@Component("audit")
public class Audit {

    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final String endpoint;
    private final Clock clock;

    public Audit(ProducerTemplate producer, ObjectMapper json, BerichtenpoortProperties properties, Clock clock) {
        this.producer = producer;
        this.json = json;
        this.clock = clock;
        this.endpoint = "jms:queue:" + properties.queues().audit() + "?deliveryPersistent=true";
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
     * A file processed to the end before a crash, read again after the restart and only moved away. The step that
     * completed it is recorded again: the crash may have come after the step and before its event, and an event twice
     * is better than an event missing.
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
        send(new AuditEvent(UUID.randomUUID().toString(), null, OffsetDateTime.now(clock), step, outcome, null, null,
                message == null ? null : message.berichttype(),
                message == null ? null : new AuditEvent.BerichtIdentificatie(message.identificatie(), message.dagtekening()),
                message == null ? null : message.afzender(), message == null ? null : message.ontvanger(),
                message == null ? null : message.fileName(), null, null, null, null, reason, operator), "");
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
        send(event, exchange.getExchangeId());
    }

    private void send(AuditEvent event, String exchangeId) {
        try {
            producer.sendBodyAndHeaders(endpoint, json.writeValueAsString(event), Map.of(
                    "step", event.step(),
                    "type", event.type() == null ? "" : event.type(),
                    "identificatie", event.berichtIdentificatie() == null ? "" : event.berichtIdentificatie().identificatie(),
                    "exchangeId", exchangeId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit event", e);
        }
    }

    private static List<String> codes(Exchange exchange) {
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        return facts == null ? List.of() : facts.retourCodes().stream().map(RetourCodeHit::code).distinct().toList();
    }
}
