package nl.berichtenpoort.vsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.berichtenpoort.flow.Flow;
import nl.berichtenpoort.flow.MessageContent;
import nl.berichtenpoort.flow.RefusedMessageException;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.privacy.PersonalData;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.MessageStore.Direction;
import nl.berichtenpoort.store.StoredMessage;
import nl.berichtenpoort.store.VspReferences;
import nl.berichtenpoort.validation.Problem;
import nl.berichtenpoort.vsp.VspJson.BerichtstatusGegevens;
import nl.berichtenpoort.vsp.VspJson.ProblemDetails;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a message with the VSP push API (routes/vecozo/vsp/vecozo-uit.yaml). A message gets its TraceerId once, before
 * its first attempt, and keeps it: when an attempt may have reached VECOZO (a timeout, a crash before the answer was
 * recorded), the next one first asks the berichtstatus API whether VECOZO has that TraceerId, and does not send it
 * twice. A retour takes the ConversatieId of the heenbericht it answers and names its TraceerId in AlsAntwoordOp.
 */
public class VspUpload {

    private static final Logger LOG = LoggerFactory.getLogger(VspUpload.class);
    /** The variables of routes/vecozo/vsp/vecozo-uit.yaml that hold the HTTP requests and answers. */
    private static final String STATUS_ANSWER = "vspStatusAntwoord";
    private static final String REQUEST = "vspVerzoek";
    private static final String ANSWER = "vspAntwoord";
    /** The exchange properties the route decides on: may an attempt have reached VECOZO, and did it. */
    static final String MAYBE_SENT = "bpVspMaybeSent";
    static final String KNOWN = "bpVspKnown";

    private final MessageStore store;
    private final MessageTypeRegistry registry;
    private final VspEnvelope envelope;
    private final ObjectMapper json;

    public VspUpload(MessageStore store, MessageTypeRegistry registry, VspEnvelope envelope, ObjectMapper json) {
        this.store = store;
        this.registry = registry;
        this.envelope = envelope;
        this.json = json;
    }

    /** Gives the message its references, or finds those of an earlier attempt (which may have reached VECOZO). */
    public void prepare(Exchange exchange) {
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        Optional<VspReferences> earlier = store.vspReferences(id);
        VspReferences references = earlier.orElseGet(() -> newReferences(exchange));
        if (earlier.isEmpty()) {
            store.setVspReferences(id, references);
        }
        exchange.setProperty(Flow.VSP_REFERENCES, references);
        exchange.setProperty(Flow.VSP_TRACEER_ID, references.traceerId());
        exchange.setProperty(MAYBE_SENT, earlier.isPresent());
        exchange.setProperty(KNOWN, false);
    }

    /** With VECOZO's berichtstatus of a TraceerId we may have sent before: does VECOZO have it already? */
    public void known(Exchange exchange) throws JsonProcessingException {
        String traceerId = exchange.getProperty(Flow.VSP_TRACEER_ID, String.class);
        List<BerichtstatusGegevens> statuses = json.readValue(exchange.getVariable(STATUS_ANSWER, String.class), new TypeReference<>() {
        });
        boolean known = statuses.stream().anyMatch(s -> s.referentiegegevens() != null && traceerId.equals(s.referentiegegevens().traceerId()));
        exchange.setProperty(KNOWN, known);
        if (known) {
            LOG.info("{}: VECOZO already has TraceerId {} from an earlier attempt; not sent again",
                    exchange.getProperty(Flow.FILE_NAME, String.class), traceerId);
        }
    }

    /** The push request: berichtMetadata (JSON) and the payload, the message byte for byte. */
    public void request(Exchange exchange) throws JsonProcessingException {
        MessageContent content = MessageContent.of(exchange);
        String metadata = json.writeValueAsString(envelope.of(exchange.getProperty(Flow.TYPE, MessageType.class),
                exchange.getProperty(Flow.HEADER, MessageHeader.class), exchange.getProperty(Flow.IDENTITY, MessageIdentity.class),
                exchange.getProperty(Flow.VSP_REFERENCES, VspReferences.class)));
        String fileName = exchange.getProperty(Flow.FILE_NAME, String.class);
        MultipartEntityBuilder request = MultipartEntityBuilder.create()
                .addTextBody("berichtMetadata", metadata, ContentType.APPLICATION_JSON);
        if (content.file() != null) {
            request.addBinaryBody("payload", content.file().toFile(), ContentType.APPLICATION_OCTET_STREAM, fileName);
        } else {
            request.addBinaryBody("payload", content.bytes(), ContentType.APPLICATION_OCTET_STREAM, fileName);
        }
        exchange.setVariable(REQUEST, request.build());
    }

    /**
     * 2xx: VECOZO has the message. 400 and 422 (and other 4xx) are final: VECOZO asks not to send the same request
     * again, so the message goes to fout with VECOZO's reason. 408, 429 and 5xx mean VECOZO cannot take it now: retried.
     */
    public void answered(Exchange exchange) {
        int code = exchange.getVariable("header:" + ANSWER + "." + Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String answer = exchange.getVariable(ANSWER, String.class);
        if (code >= 200 && code < 300) {
            return;
        }
        String reason = "VSP push answered HTTP " + code + (answer == null || answer.isBlank() ? "" : ": " + describe(answer))
                + " (TraceerId " + exchange.getProperty(Flow.VSP_TRACEER_ID, String.class) + ")";
        if (code == 408 || code == 429 || code >= 500) {
            throw new VspUnavailableException(reason);
        }
        throw RefusedMessageException.of(Problem.REFUSED_BY_VECOZO, exchange, reason + "; VECOZO asks not to send it again as it is");
    }

    private String describe(String answer) {
        try {
            return PersonalData.maskBsns(json.readValue(answer, ProblemDetails.class).describe());
        } catch (JsonProcessingException notProblemDetails) {
            return PersonalData.maskBsns(answer.strip());
        }
    }

    /** A retour answers a heenbericht we received over the VSP: it keeps that conversation and names it. */
    private VspReferences newReferences(Exchange exchange) {
        String traceerId = UUID.randomUUID().toString();
        return heenbericht(exchange).flatMap(store::vspReferences)
                .map(heen -> new VspReferences(traceerId, heen.conversatieId(), heen.traceerId()))
                .orElseGet(() -> new VspReferences(traceerId, UUID.randomUUID().toString(), null));
    }

    private Optional<Long> heenbericht(Exchange exchange) {
        Long heenId = exchange.getProperty(Flow.ANSWERS_ID, Long.class);
        if (heenId != null) {
            return Optional.of(heenId);
        }
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        if (!type.isRetour()) {
            return Optional.empty();
        }
        return store.find(Direction.IN, registry.counterpartOf(type).name(), identity.receiver(), identity.answers(), identity.answersDate())
                .map(StoredMessage::id);
    }

    /** VECOZO cannot take the message now (408, 429, 5xx): a technical failure, retried. */
    public static class VspUnavailableException extends RuntimeException {

        public VspUnavailableException(String message) {
            super(message);
        }
    }
}
