package nl.berichtenpoort.vsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.berichtenpoort.audit.Audit;
import nl.berichtenpoort.flow.AfkeurEntry;
import nl.berichtenpoort.flow.Flow;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import nl.berichtenpoort.vsp.VspJson.BerichtstatusGegevens;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows what happens to the messages we pushed (routes/vecozo/vsp/vecozo-status.yaml) by asking the berichtstatus
 * API until a final status: every new status is an audit event (vecozo-status, with the status as outcome); Bezorgd
 * ends it; AfgekeurdDoorDienst (or DeelberichtAanleveringAfgekeurd) means VECOZO refused the message and did not
 * pass it on, so it moves to AFGEKEURD_DOOR_DIENST and into afkeur with VECOZO's meldingen explained, its deadlines
 * close (no retour will come) and messages that waited for its retour are stopped.
 */
public class VspStatus {

    static final Set<String> FINAL = Set.of("Bezorgd", "AfgekeurdDoorDienst", "DeelberichtAanleveringAfgekeurd");
    private static final Set<String> REFUSED = Set.of("AfgekeurdDoorDienst", "DeelberichtAanleveringAfgekeurd");
    private static final Logger LOG = LoggerFactory.getLogger(VspStatus.class);

    private final MessageStore store;
    private final Deadlines deadlines;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final int batchSize;

    public VspStatus(MessageStore store, Deadlines deadlines, Audit audit, ObjectMapper json, Clock clock, Duration maxAge, int batchSize) {
        this.store = store;
        this.deadlines = deadlines;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
        this.batchSize = batchSize;
    }

    /** The store ids of the sent messages to ask about now, least recently asked first. */
    public List<Long> due() {
        return store.vspStatusDue(clock.instant().minus(maxAge), FINAL, batchSize).stream().map(StoredMessage::id).toList();
    }

    /** Takes one message (its store id is the body). */
    public void select(Exchange exchange) {
        long id = exchange.getIn().getBody(Long.class);
        exchange.setProperty(Flow.STORE_ID, id);
        exchange.setProperty(Flow.VSP_TRACEER_ID, store.vspReferences(id).orElseThrow().traceerId());
    }

    /** With VECOZO's answer in the body: records a new status; a refusal prepares the afkeur entry. */
    public void apply(Exchange exchange) throws JsonProcessingException {
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        String traceerId = exchange.getProperty(Flow.VSP_TRACEER_ID, String.class);
        List<BerichtstatusGegevens> statuses = json.readValue(exchange.getIn().getBody(String.class), new TypeReference<>() {
        });
        Optional<BerichtstatusGegevens> ours = statuses.stream()
                .filter(s -> s.referentiegegevens() != null && traceerId.equals(s.referentiegegevens().traceerId())).findFirst();
        Optional<String> previous = store.vspStatus(id);
        String status = ours.map(BerichtstatusGegevens::berichtstatus).orElse(previous.orElse(null));
        store.setVspStatus(id, status);
        if (status == null || previous.filter(status::equals).isPresent()) {
            return;
        }
        StoredMessage message = store.find(id).orElseThrow();
        String meldingen = VspMeldingen.describe(ours.get().meldingen());
        LOG.info("VECOZO status of {} {} (TraceerId {}): {}{}", message.berichttype(), message.identificatie(), traceerId, status,
                meldingen.isEmpty() ? "" : "\n" + meldingen);
        audit.record("vecozo-status", status, message, meldingen.isEmpty() ? null : meldingen, null);
        if (REFUSED.contains(status)) {
            refused(exchange, message, status, meldingen);
        }
    }

    private void refused(Exchange exchange, StoredMessage message, String status, String meldingen) {
        String reason = message.berichttype() + " " + message.identificatie() + " (TraceerId "
                + exchange.getProperty(Flow.VSP_TRACEER_ID, String.class) + ") was refused by VECOZO (" + status + ") and not passed on"
                + (meldingen.isEmpty() ? "" : ":\n" + meldingen);
        store.setState(message.id(), MessageState.AFGEKEURD_DOOR_DIENST, reason);
        deadlines.close(message.id());
        StoredMessage refused = store.findWithContent(message.id()).orElseThrow();
        exchange.getIn().setBody(refused.content());
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, refused.fileName());
        exchange.setProperty(Flow.SOURCE, refused.fileName());
        exchange.setProperty(Flow.DIRECTION, "uit");
        exchange.setProperty(Flow.HEEN, store.find(message.id()).orElseThrow());
        exchange.setProperty(Flow.AFKEUR, new AfkeurEntry("AFGEKEURD_DOOR_DIENST", reason, Map.of("bericht.xml", refused.content()),
                List.of(), message.id(), MessageStore.Direction.UIT));
    }
}
