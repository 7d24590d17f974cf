package nl.berichtenpoort.operations;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.store.DeadLetter;
import nl.berichtenpoort.store.DeadLetterStore;
import nl.berichtenpoort.store.MessageStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The afkeur and fout dead letters for operators: list them, see one (the reason with each code in words, the
 * original message, the history of the message it concerns), resend a corrected message, or close an entry with a
 * remark. The original is shown because a person must be able to fix it; the reason never holds a BSN in clear.
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLettersController {

    private final DeadLetterStore entries;
    private final MessageStore store;
    private final Resender resender;

    public DeadLettersController(DeadLetterStore entries, MessageStore store, Resender resender) {
        this.entries = entries;
        this.store = store;
        this.resender = resender;
    }

    @GetMapping
    public List<DeadLetter> list(@RequestParam(required = false) DeadLetter.Kind soort,
                                 @RequestParam(required = false) DeadLetter.Status status) {
        return entries.list(soort, status);
    }

    @GetMapping("/{id}")
    public Map<String, Object> detail(@PathVariable long id) {
        DeadLetter entry = find(id);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("entry", entry);
        try {
            detail.put("original", new String(resender.original(entry), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException counterpartyMessage) {
            detail.put("original", null);
            detail.put("note", counterpartyMessage.getMessage());
        }
        detail.put("history", entry.messageId() == null ? List.of() : store.history(entry.messageId()));
        return detail;
    }

    /**
     * Resends the corrected message in the body, or the original when the body is empty; answers where it went. Only
     * as XML: a browser cannot send that from another site without asking first, so a page elsewhere cannot use an
     * operator's stored login to resend.
     */
    @PostMapping(value = "/{id}/opnieuw-verzenden", consumes = {"application/xml", "text/xml"})
    public Resender.Resent resend(@PathVariable long id, @RequestBody(required = false) byte[] corrected, HttpServletRequest request) {
        return resender.resend(find(id), corrected == null || corrected.length == 0 ? null : corrected, operator(request));
    }

    @PostMapping("/{id}/sluiten")
    public DeadLetter close(@PathVariable long id, @RequestBody Map<String, String> body, HttpServletRequest request) {
        String remark = body.getOrDefault("opmerking", "").strip();
        if (remark.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "closing an entry needs a remark ('opmerking')");
        }
        resender.close(find(id), remark, operator(request));
        return find(id);
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    public Map<String, String> refused(RuntimeException e) {
        return Map.of("error", e.getMessage());
    }

    private DeadLetter find(long id) {
        return entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id));
    }

    /** The logged-in operator (every /api request has one: SecurityConfiguration). */
    static String operator(HttpServletRequest request) {
        return request.getUserPrincipal().getName();
    }
}
