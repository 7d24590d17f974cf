package nl.berichtenpoort.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The state of every message, for operators: a list (newest first, optionally by state) and per message its history,
 * deadlines, clients (masked BSN), the references it carries, and over the VSP its TraceerId, ConversatieId and the
 * last berichtstatus VECOZO gave. Never a BSN in clear.
 */
@RestController
@RequestMapping("/api/berichten")
public class MessagesController {

    private final MessageStore store;
    private final Deadlines deadlines;

    public MessagesController(MessageStore store, Deadlines deadlines) {
        this.store = store;
        this.deadlines = deadlines;
    }

    /** Newest first; by state, or by Identificatie (our own, or a retour's IdentificatieRetour). */
    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) MessageState status,
                                          @RequestParam(required = false) String identificatie,
                                          @RequestParam(defaultValue = "100") int limit) {
        List<StoredMessage> messages = identificatie != null ? store.withIdentificatie(identificatie)
                : status == null ? store.latest(limit) : store.inState(status, limit);
        return messages.stream().limit(limit).map(MessagesController::summary).toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> detail(@PathVariable long id) {
        StoredMessage message = store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id));
        Map<String, Object> detail = summary(message);
        detail.put("retourCodes", message.retourCodes());
        detail.put("history", store.history(id));
        detail.put("deadlines", deadlines.of(id));
        detail.put("clients", store.clients(id).stream().map(c -> c.maskedBsn()).toList());
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (ReferenceKind kind : List.of(ReferenceKind.TOEWIJZINGNUMMER, ReferenceKind.REFERENTIE_AANBIEDER, ReferenceKind.DECLARATIENUMMER)) {
            references.put(kind.name(), store.keys(id, kind));
        }
        detail.put("references", references);
        detail.put("answers", store.answersTo(id, MessageStore.Direction.UIT).stream().map(MessagesController::summary).toList());
        store.vspReferences(id).ifPresent(transport -> {
            Map<String, Object> vsp = new LinkedHashMap<>();
            vsp.put("traceerId", transport.traceerId());
            vsp.put("conversatieId", transport.conversatieId());
            if (transport.alsAntwoordOp() != null) {
                vsp.put("alsAntwoordOp", transport.alsAntwoordOp());
            }
            store.vspStatus(id).ifPresent(status -> vsp.put("status", status));
            detail.put("vsp", vsp);
        });
        return detail;
    }

    static Map<String, Object> summary(StoredMessage message) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", message.id());
        summary.put("direction", message.direction());
        summary.put("type", message.berichttype());
        summary.put("identificatie", message.identificatie());
        summary.put("dagtekening", message.dagtekening());
        summary.put("sender", message.afzender());
        summary.put("receiver", message.ontvanger());
        summary.put("state", message.state());
        summary.put("fileName", message.fileName());
        summary.put("created", message.created());
        return summary;
    }
}
