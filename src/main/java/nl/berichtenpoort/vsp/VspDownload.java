package nl.berichtenpoort.vsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.berichtenpoort.flow.Flow;
import nl.berichtenpoort.flow.RefusedMessageException;
import nl.berichtenpoort.store.DeadLetter;
import nl.berichtenpoort.store.DeadLetterStore;
import nl.berichtenpoort.store.VspReferences;
import nl.berichtenpoort.validation.Problem;
import nl.berichtenpoort.vsp.VspJson.BerichtMetadata;
import nl.berichtenpoort.vsp.VspJson.Payload;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives messages with the VSP pull API (routes/vecozo/vsp/vecozo-in.yaml): reads the list of waiting messages,
 * streams each payload to the work folder while checking it against the size and checksum VECOZO announced, and after
 * the inbound flow stored it, checks VECOZO's answer to the confirmation. A payload that fails the check is not
 * processed and not confirmed (VECOZO offers it again at the next pull) and is reported once in fout.
 */
public class VspDownload {

    private static final Logger LOG = LoggerFactory.getLogger(VspDownload.class);
    private static final String PAYLOAD = "bpVspPayload";

    private final ObjectMapper json;
    private final Path workFolder;
    private final DeadLetterStore deadLetters;

    public VspDownload(ObjectMapper json, Path workFolder, DeadLetterStore deadLetters) {
        this.json = json;
        this.workFolder = workFolder;
        this.deadLetters = deadLetters;
    }

    /** The messages waiting for us, oldest first, from the JSON list in the body. */
    public List<BerichtMetadata> waiting(Exchange exchange) throws JsonProcessingException {
        List<BerichtMetadata> waiting = json.readValue(exchange.getIn().getBody(String.class), new TypeReference<>() {
        });
        if (!waiting.isEmpty()) {
            LOG.info("VSP: {} message(s) waiting", waiting.size());
        }
        return waiting;
    }

    /** Takes one waiting message: its references go with it into the inbound flow, under the name vsp-TraceerId.xml. */
    public void select(Exchange exchange) {
        BerichtMetadata message = exchange.getIn().getBody(BerichtMetadata.class);
        VspJson.Referentiegegevens references = message.referentiegegevens();
        String traceerId = uuid(references.traceerId(), "traceerId");
        exchange.setProperty(Flow.VSP_REFERENCES, new VspReferences(traceerId, uuid(references.conversatieId(), "conversatieId"),
                references.alsAntwoordOp() == null ? null : uuid(references.alsAntwoordOp(), "alsAntwoordOp")));
        exchange.setProperty(Flow.VSP_TRACEER_ID, traceerId);
        exchange.setProperty(PAYLOAD, message.basisgegevens().payload());
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, name(traceerId));
        exchange.setProperty(Flow.SOURCE, name(traceerId));
        exchange.setProperty(Flow.DIRECTION, "in");
    }

    /** Streams the payload in the body to the work folder, then checks its size and checksum. */
    public void receive(Exchange exchange) throws IOException, InvalidPayloadException {
        String traceerId = exchange.getProperty(Flow.VSP_TRACEER_ID, String.class);
        Payload expected = exchange.getProperty(PAYLOAD, Payload.class);
        Path file = workFolder.resolve(name(traceerId));
        Files.createDirectories(workFolder);
        MessageDigest digest = digest(expected, traceerId);
        long size;
        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            size = in.transferTo(out);
        }
        exchange.getIn().setBody(file.toFile());
        byte[] actual = digest.digest();
        boolean checksumMatches = HexFormat.of().formatHex(actual).equalsIgnoreCase(expected.checksum().waarde().strip())
                || Base64.getEncoder().encodeToString(actual).equals(expected.checksum().waarde().strip());
        if (size != expected.grootte() || !checksumMatches) {
            throw corrupt(traceerId, "VECOZO announced " + expected.grootte() + " bytes with " + expected.checksum().algoritme() + " "
                    + expected.checksum().waarde() + ", received " + size + " bytes with " + HexFormat.of().formatHex(actual));
        }
    }

    /** Was this payload problem reported before? It is reported once, not at every pull. */
    public boolean reportedBefore(Exchange exchange) {
        RefusedMessageException refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RefusedMessageException.class);
        String name = exchange.getProperty(Flow.SOURCE, String.class);
        boolean reported = !deadLetters.open(DeadLetter.Kind.FOUT, name, refused.problem().name()).isEmpty();
        LOG.warn("{}{}", refused.getMessage(), reported ? " (reported before)" : "");
        return reported;
    }

    /**
     * VECOZO's answer to the confirmation: 202, or 404 when it no longer has the message for us (confirmed before).
     * A payload problem reported at an earlier pull is closed now that the message came through.
     */
    public void confirmed(Exchange exchange) {
        int code = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String name = exchange.getProperty(Flow.SOURCE, String.class);
        if (code == 404) {
            LOG.warn("{}: VECOZO did not find the message to confirm (404); it was confirmed before", name);
        } else if (code < 200 || code >= 300) {
            throw new IllegalStateException(name + ": VSP confirmation answered HTTP " + code + "; confirmed at the next pull");
        }
        for (DeadLetter stale : deadLetters.open(DeadLetter.Kind.FOUT, name, Problem.PAYLOAD_CORRUPT.name())) {
            deadLetters.handle(stale.id(), DeadLetter.Status.GESLOTEN, "received intact at a later pull and processed", "gateway");
        }
    }

    /** The work copy is not needed once the message is stored (or reported). */
    public void cleanUp(Exchange exchange) throws IOException {
        String traceerId = exchange.getProperty(Flow.VSP_TRACEER_ID, String.class);
        if (traceerId != null) {
            Files.deleteIfExists(workFolder.resolve(name(traceerId)));
        }
    }

    private static String name(String traceerId) {
        return "vsp-" + traceerId + ".xml";
    }

    /** SHA256 as VECOZO writes it is SHA-256 to Java. */
    private static MessageDigest digest(Payload expected, String traceerId) {
        String algorithm = expected.checksum().algoritme().strip().toUpperCase(Locale.ROOT).replaceFirst("^SHA(\\d)", "SHA-$1");
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw corrupt(traceerId, "checksum algorithm " + expected.checksum().algoritme() + " is unknown");
        }
    }

    private static RefusedMessageException corrupt(String traceerId, String detail) {
        return RefusedMessageException.of(Problem.PAYLOAD_CORRUPT, name(traceerId),
                detail + "; not processed and not confirmed, so VECOZO offers it again at the next pull");
    }

    /** A TraceerId goes into a URL and a file name: only a UUID will do. */
    private static String uuid(String value, String field) {
        try {
            String canonical = UUID.fromString(value).toString();
            if (canonical.equalsIgnoreCase(value)) {
                return canonical;
            }
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            // reported below
        }
        throw new IllegalArgumentException("VSP listed a message whose " + field + " is not a UUID: " + value);
    }
}
