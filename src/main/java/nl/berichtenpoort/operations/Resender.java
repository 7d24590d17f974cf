package nl.berichtenpoort.operations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.audit.Audit;
import nl.berichtenpoort.io.AtomicFiles;
import nl.berichtenpoort.store.DeadLetter;
import nl.berichtenpoort.store.DeadLetterStore;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * What an operator does with a dead-letter entry: resend a corrected message, or close the entry with a remark. A
 * message of ours (from the EPD) is resent under a new Identificatie and today's Dagtekening (TR056: the old one is
 * used) by dropping it in the EPD export folder, so it takes the normal way; a message from VECOZO that failed here is
 * dropped in the VECOZO mailbox as it is. Every action is an audit event naming the operator.
 */
@Component
public class Resender {

    private static final Pattern IDENTITY = Pattern.compile(
            "(BerichtIdentificatie>\\s*<(?:[A-Za-z0-9_]+:)?Identificatie>)[^<]*(</(?:[A-Za-z0-9_]+:)?Identificatie>\\s*"
                    + "<(?:[A-Za-z0-9_]+:)?Dagtekening>)[^<]*(<)");

    /** The result of a resend: where the message went and under which Identificatie. */
    public record Resent(String fileName, String identificatie, Path folder) {
    }

    private final DeadLetterStore entries;
    private final MessageStore store;
    private final Audit audit;
    private final Clock clock;
    private final Path epdUit;
    private final Path vecozoIn;

    public Resender(DeadLetterStore entries, MessageStore store, Audit audit, Clock clock, BerichtenpoortProperties properties) {
        this.entries = entries;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.epdUit = properties.folders().epdUit();
        this.vecozoIn = properties.folders().vecozoIn();
    }

    /**
     * @param corrected the corrected message, or null to resend the original unchanged but for its identity
     */
    public Resent resend(DeadLetter entry, byte[] corrected, String operator) {
        byte[] message = corrected != null ? corrected : original(entry);
        Resent resent;
        if (entry.origin() == MessageStore.Direction.IN && entry.kind() == DeadLetter.Kind.FOUT) {
            resent = new Resent("opnieuw-" + entry.id() + "-" + entry.fileName(), entry.identificatie(), vecozoIn);
        } else {
            String identificatie = String.format("BP%010d", store.nextNumber());
            message = withNewIdentity(message, identificatie, LocalDate.now(clock));
            resent = new Resent("opnieuw-" + entry.id() + "-" + identificatie + ".xml", identificatie, epdUit);
        }
        byte[] content = message;
        AtomicFiles.write(resent.folder(), resent.fileName(), () -> new ByteArrayInputStream(content));
        String remark = "resent as " + resent.fileName() + (resent.identificatie() == null ? "" : " with Identificatie " + resent.identificatie());
        if (!entries.handle(entry.id(), DeadLetter.Status.OPNIEUW_VERZONDEN, remark, operator)) {
            throw new IllegalStateException("dead letter " + entry.id() + " is not open");
        }
        audit.record("opnieuw-verzonden", "ok", message(entry), "dead letter " + entry.id() + " " + remark, operator);
        return resent;
    }

    public void close(DeadLetter entry, String remark, String operator) {
        if (!entries.handle(entry.id(), DeadLetter.Status.GESLOTEN, remark, operator)) {
            throw new IllegalStateException("dead letter " + entry.id() + " is not open");
        }
        audit.record("gesloten", "ok", message(entry), "dead letter " + entry.id() + " closed: " + remark, operator);
    }

    /** The message a person would correct: the original of a fout; in an afkeur entry our heenbericht or held-back message. */
    public byte[] original(DeadLetter entry) {
        Path copy = Path.of(entry.copy());
        Path file = switch (entry.kind()) {
            case FOUT -> copy;
            case AFKEUR -> switch (entry.problem()) {
                case "AFGEKEURD" -> copy.resolve("heenbericht.xml");
                case "VOORGANGER_AFGEKEURD", "AFGEKEURD_DOOR_DIENST" -> copy.resolve("bericht.xml");
                default -> throw new IllegalArgumentException("afkeur entry " + entry.id() + " (" + entry.problem()
                        + ") holds a message of the counterparty, which the gateway cannot resend; close it with a remark");
            };
        };
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Sets Header/BerichtIdentificatie to a new Identificatie and Dagtekening. */
    static byte[] withNewIdentity(byte[] message, String identificatie, LocalDate dagtekening) {
        Matcher m = IDENTITY.matcher(new String(message, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalArgumentException("the message has no BerichtIdentificatie with Identificatie and Dagtekening");
        }
        String replaced = m.replaceFirst("$1" + Matcher.quoteReplacement(identificatie) + "$2" + dagtekening + "$3");
        return replaced.getBytes(StandardCharsets.UTF_8);
    }

    private StoredMessage message(DeadLetter entry) {
        return entry.messageId() == null ? null : store.find(entry.messageId()).orElse(null);
    }
}
