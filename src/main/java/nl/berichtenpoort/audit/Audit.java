package nl.berichtenpoort.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.flow.Flow;
import nl.berichtenpoort.flow.RefusedMessageException;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.privacy.PersonalData;
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

    public Audit(ProducerTemplate producer, ObjectMapper json, BerichtenpoortProperties properties) {
        this.producer = producer;
        this.json = json;
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
        record(exchange, "afgekeurd", "afgekeurd", codes(exchange), exchange.getProperty(Flow.AFKEUR_REASON, String.class));
    }

    /** A message refused at control level 1 or by the header checks (a RefusedMessageException). */
    public void afgewezenValidatie(Exchange exchange) {
        RefusedMessageException refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RefusedMessageException.class);
        record(exchange, "afgewezen-validatie", refused.problem().name(), List.of(refused.problem().name()), refused.getMessage());
    }

    public void fout(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String problem = caught instanceof RefusedMessageException refused ? refused.problem().name() : "TECHNICAL";
        record(exchange, "fout", problem, List.of(problem), caught == null ? null : PersonalData.maskBsns(caught.getMessage()));
    }

    private void record(Exchange exchange, String step, String outcome, List<String> codes, String reason) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        AuditEvent event = new AuditEvent(
                UUID.randomUUID().toString(),
                exchange.getExchangeId(),
                OffsetDateTime.now(),
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
                reason);
        try {
            producer.sendBodyAndHeaders(endpoint, json.writeValueAsString(event), Map.of(
                    "step", step,
                    "type", event.type() == null ? "" : event.type(),
                    "identificatie", identity == null ? "" : identity.identificatie(),
                    "exchangeId", exchange.getExchangeId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit event", e);
        }
    }

    private static List<String> codes(Exchange exchange) {
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        return facts == null ? List.of() : facts.retourCodes().stream().map(RetourCodeHit::code).distinct().toList();
    }
}
