package nl.berichtenpoort.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.message.RetourCodeMeanings;
import nl.berichtenpoort.privacy.PersonalData;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Puts messages that cannot pass where a person can handle them: the afkeur dead letter (a retour that rejects our
 * heenbericht, with that heenbericht and the reason per code) and the fout dead letter (anything refused or failed,
 * with the original bytes and the reason). Each entry goes to a folder, one per day, and its JSON form becomes the
 * body for the dead-letter queue. To resend a fixed message, drop it in the folder it first came from.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmssSSS");

    private final Path foutFolder;
    private final Path afkeurFolder;
    private final long maxMessageBytes;
    private final MessageStore store;
    private final MessageTypeRegistry registry;
    private final RetourCodeMeanings meanings;
    private final ObjectMapper json;

    public DeadLetters(BerichtenpoortProperties properties, MessageStore store, MessageTypeRegistry registry,
                       RetourCodeMeanings meanings, ObjectMapper json) {
        this.foutFolder = properties.folders().fout();
        this.afkeurFolder = properties.folders().afkeur();
        this.maxMessageBytes = properties.schemas().maxMessageSize().toBytes();
        this.store = store;
        this.registry = registry;
        this.meanings = meanings;
        this.json = json;
    }

    /** Writes the original and its reason to the fout folder; the body becomes the JSON entry for the fout queue. */
    public void fout(Exchange exchange) {
        MessageContent content = MessageContent.of(exchange);
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String problem = caught instanceof RefusedMessageException refused ? refused.problem().name() : "TECHNICAL";
        String reason = caught instanceof RefusedMessageException ? caught.getMessage()
                : content.name() + ": technical failure: " + PersonalData.maskBsns(String.valueOf(caught));
        OffsetDateTime now = OffsetDateTime.now();
        Path day = foutFolder.resolve(DAY.format(now));
        String name = TIME.format(now) + "-" + content.name();
        Path original = day.resolve(name);
        writeAtomically(day, name, content::open);
        writeAtomically(day, name + ".reden.txt", () -> new ByteArrayInputStream(
                (problem + "\n" + reason + "\n").getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> entry = new LinkedHashMap<>();
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

    /** Writes the retour, the heenbericht it answers (when the store has it) and the reason to the afkeur folder. */
    public void afkeur(Exchange exchange) {
        MessageContent content = MessageContent.of(exchange);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        String reason = exchange.getProperty(Flow.AFKEUR_REASON, String.class);
        Optional<StoredMessage> heen = store.findWithContent(MessageStore.Direction.UIT, registry.counterpartOf(type).name(),
                identity.receiver(), identity.answers());
        OffsetDateTime now = OffsetDateTime.now();
        Path entryFolder = afkeurFolder.resolve(DAY.format(now)).resolve(TIME.format(now) + "-" + exchange.getProperty(Flow.FILE_NAME, String.class)
                .replace(".xml", ""));
        writeAtomically(entryFolder, "retour.xml", content::open);
        heen.ifPresent(h -> writeAtomically(entryFolder, "heenbericht.xml", () -> new ByteArrayInputStream(h.content())));
        writeAtomically(entryFolder, "reden.txt", () -> new ByteArrayInputStream((reason + "\n"
                + (heen.isPresent() ? "" : "The heenbericht it answers is not known to this gateway.\n")).getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", now.toString());
        entry.put("type", type.name());
        entry.put("identificatie", identity.identificatie());
        entry.put("answers", Map.of("type", type.counterpart(), "identificatie", identity.answers(), "dagtekening",
                String.valueOf(identity.answersDate())));
        entry.put("reason", reason);
        entry.put("codes", codes(facts.retourCodes()));
        entry.put("folder", entryFolder.toString());
        entry.put("retour", new String(content.readAll(), StandardCharsets.UTF_8));
        entry.put("heenbericht", heen.map(h -> new String(h.content(), StandardCharsets.UTF_8)).orElse(null));
        exchange.getIn().setBody(toJson(entry));
        exchange.setProperty("bpDeadLetterCopy", entryFolder.toString());
    }

    private List<Map<String, Object>> codes(List<RetourCodeHit> hits) {
        return hits.stream().filter(hit -> !MessageFacts.isAccepting(hit.code())).map(hit -> {
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

    /** Written under a temporary name and then renamed, so nobody watching the folder sees half a file. */
    private static void writeAtomically(Path folder, String name, MessageStore.ContentSource source) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".", ".deel");
            try (InputStream in = source.open()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
