package nl.berichtenpoort.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.io.AtomicFiles;
import nl.berichtenpoort.io.ContentSource;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.message.RetourCodeMeanings;
import nl.berichtenpoort.store.DeadLetter;
import nl.berichtenpoort.store.DeadLetterStore;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Puts messages that cannot pass where a person can handle them, in a folder per day and in the store (where the
 * operator endpoints list them): the afkeur dead letter (a retour rejecting our heenbericht, a heenbericht we
 * rejected, a retour answering nothing we know, a follow-up whose predecessor was rejected: each with the messages it
 * concerns and the reason in words) and the fout dead letter (anything refused or failed, with the original bytes and
 * the reason). The body becomes the JSON entry for the dead-letter queue.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmssSSS");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Path foutFolder;
    private final Path afkeurFolder;
    private final long maxMessageBytes;
    private final MessageStore store;
    private final DeadLetterStore entries;
    private final RetourCodeMeanings meanings;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetters(BerichtenpoortProperties properties, MessageStore store, DeadLetterStore entries,
                       RetourCodeMeanings meanings, ObjectMapper json, Clock clock) {
        this.foutFolder = properties.folders().fout();
        this.afkeurFolder = properties.folders().afkeur();
        this.maxMessageBytes = properties.schemas().maxMessageSize().toBytes();
        this.store = store;
        this.entries = entries;
        this.meanings = meanings;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the original and its reason to the fout folder; the body becomes the JSON entry for the fout queue. */
    public void fout(Exchange exchange) {
        MessageContent content = MessageContent.of(exchange);
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String problem = caught instanceof RefusedMessageException refused ? refused.problem().name() : "TECHNICAL";
        String reason = caught instanceof RefusedMessageException ? caught.getMessage()
                : content.name() + ": technical failure: " + TechnicalFailure.describe(caught);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(AMSTERDAM));
        Path day = foutFolder.resolve(DAY.format(now));
        String name = TIME.format(now) + "-" + content.name();
        Path original = day.resolve(name);
        AtomicFiles.write(day, name, content::open);
        AtomicFiles.write(day, name + ".reden.txt", text(problem + "\n" + reason + "\n"));
        Long storeId = exchange.getProperty(Flow.STORE_ID, Long.class);
        if (storeId != null) {
            store.setState(storeId, MessageState.FOUT, problem);
        }
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        long entryId = entries.add(DeadLetter.Kind.FOUT, storeId, content.name(), exchange.getProperty(Flow.TYPE_NAME, String.class),
                identity == null ? null : identity.identificatie(), origin(exchange), problem, reason, original.toString());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", entryId);
        entry.put("time", now.toString());
        entry.put("fileName", content.name());
        entry.put("problem", problem);
        entry.put("reason", reason);
        entry.put("copy", original.toString());
        entry.put("type", exchange.getProperty(Flow.TYPE_NAME, String.class));
        entry.put("exchangeId", exchange.getExchangeId());
        if (content.size() <= maxMessageBytes) {
            entry.put("originalBase64", Base64.getEncoder().encodeToString(content.readAll()));
        }
        exchange.getIn().setBody(toJson(entry));
        exchange.setProperty("bpDeadLetterCopy", original.toString());
    }

    /** Writes the entry's messages and reason to a folder of its own in the afkeur folder. */
    public void afkeur(Exchange exchange) {
        AfkeurEntry afkeur = exchange.getProperty(Flow.AFKEUR, AfkeurEntry.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(AMSTERDAM));
        Path entryFolder = afkeurFolder.resolve(DAY.format(now)).resolve(TIME.format(now) + "-"
                + exchange.getProperty(Flow.FILE_NAME, String.class).replace(".xml", ""));
        for (Map.Entry<String, byte[]> part : afkeur.parts().entrySet()) {
            AtomicFiles.write(entryFolder, part.getKey(), () -> new ByteArrayInputStream(part.getValue()));
        }
        AtomicFiles.write(entryFolder, "reden.txt", text(afkeur.reason() + "\n"));
        long entryId = entries.add(DeadLetter.Kind.AFKEUR, afkeur.concerns(),
                exchange.getProperty(Flow.FILE_NAME, String.class), exchange.getProperty(Flow.TYPE_NAME, String.class),
                identity.identificatie(), afkeur.origin(), afkeur.problem(), afkeur.reason(), entryFolder.toString());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", entryId);
        entry.put("time", now.toString());
        entry.put("problem", afkeur.problem());
        entry.put("type", exchange.getProperty(Flow.TYPE_NAME, String.class));
        entry.put("identificatie", identity.identificatie());
        entry.put("reason", afkeur.reason());
        entry.put("codes", codes(afkeur.codes()));
        entry.put("folder", entryFolder.toString());
        Map<String, String> parts = new LinkedHashMap<>();
        afkeur.parts().forEach((name, bytes) -> parts.put(name, new String(bytes, StandardCharsets.UTF_8)));
        entry.put("messages", parts);
        exchange.getIn().setBody(toJson(entry));
        exchange.setProperty("bpDeadLetterCopy", entryFolder.toString());
    }

    private static MessageStore.Direction origin(Exchange exchange) {
        return "in".equals(exchange.getProperty(Flow.DIRECTION, String.class)) ? MessageStore.Direction.IN : MessageStore.Direction.UIT;
    }

    private List<Map<String, Object>> codes(List<RetourCodeHit> hits) {
        return hits.stream().map(hit -> {
            Map<String, Object> code = new LinkedHashMap<>();
            code.put("code", hit.code());
            code.put("meaning", meanings.meaning(hit.code()));
            code.put("category", hit.category());
            code.put("berichtklasse", hit.berichtklasse());
            code.put("path", hit.path());
            code.put("keys", hit.keys());
            return code;
        }).toList();
    }

    private String toJson(Map<String, Object> entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dead-letter entry", e);
        }
    }

    private static ContentSource text(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
