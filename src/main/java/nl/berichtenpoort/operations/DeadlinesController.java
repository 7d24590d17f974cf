package nl.berichtenpoort.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.berichtenpoort.store.Deadline;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.MessageStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overdue list: every message we sent whose retour, declaratie-antwoord or answer did not come by its deadline
 * and has not come since, as JSON and as CSV (for a spreadsheet), oldest deadline first.
 */
@RestController
@RequestMapping("/api/termijnen")
public class DeadlinesController {

    private static final List<String> COLUMNS = List.of("messageId", "type", "identificatie", "dagtekening", "receiver", "kind", "due",
            "lateSince", "state");

    private final Deadlines deadlines;
    private final MessageStore store;

    public DeadlinesController(Deadlines deadlines, MessageStore store) {
        this.deadlines = deadlines;
        this.store = store;
    }

    @GetMapping("/te-laat")
    public List<Map<String, Object>> overdue() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Deadline deadline : deadlines.overdue()) {
            Map<String, Object> row = MessagesController.summary(store.find(deadline.messageId()).orElseThrow());
            row.put("messageId", row.remove("id"));
            row.put("kind", deadline.kind());
            row.put("due", deadline.due());
            row.put("lateSince", deadline.lateSince());
            rows.add(row);
        }
        return rows;
    }

    @GetMapping(value = "/te-laat.csv", produces = "text/csv")
    public ResponseEntity<String> overdueCsv() {
        StringBuilder csv = new StringBuilder(String.join(";", COLUMNS)).append("\r\n");
        for (Map<String, Object> row : overdue()) {
            csv.append(COLUMNS.stream().map(c -> String.valueOf(row.get(c))).collect(Collectors.joining(";"))).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"termijnen-te-laat.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }
}
