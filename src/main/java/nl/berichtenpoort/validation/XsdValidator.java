package nl.berichtenpoort.validation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.validation.Schema;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.xml.SecureXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a file against control level 1 of the standard: size (OP179), UTF-8, no DOCTYPE, well-formed, a known
 * message namespace, and the XSD of that message type and release, streaming, with every error collected.
 */
public final class XsdValidator {

    private static final String LOCALE = "http://apache.org/xml/properties/locale";
    private static final DefaultHandler NO_HANDLER = new DefaultHandler();

    private final SchemaCatalog catalog;
    private final long maxMessageBytes;
    private final HeaderReader headerReader = new HeaderReader();
    /**
     * Validating parsers that wait for their next message, per schema: making one (the secure factory and the parser's
     * configuration) took a sixth of the poller's time. There are as many as messages of a schema were validated at
     * once (about 120 KB each); a parser starts every parse afresh.
     */
    private final Map<Schema, Queue<XMLReader>> idle = new ConcurrentHashMap<>();

    public XsdValidator(SchemaCatalog catalog, long maxMessageBytes) {
        this.catalog = catalog;
        this.maxMessageBytes = maxMessageBytes;
    }

    public ValidationResult validate(Path file) {
        return validate(file, ContentListener.NONE);
    }

    public ValidationResult validate(byte[] bytes, String name) {
        return validate(bytes, name, ContentListener.NONE);
    }

    /** Validates and streams every element to the listener in the same pass. */
    public ValidationResult validate(Path file, ContentListener listener) {
        return validate(file, null, listener);
    }

    /**
     * As {@link #validate(Path, ContentListener)}, for a file whose header was read before (identification): the header
     * is not read a second time.
     */
    public ValidationResult validate(Path file, MessageHeader header, ContentListener listener) {
        return validate(file.getFileName().toString(), header, listener, new Content() {
            @Override
            public InputStream open() throws IOException {
                // buffered: the validating parser reads the XML declaration a byte at a time, each a system call on a bare file
                return new BufferedInputStream(Files.newInputStream(file));
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }
        });
    }

    public ValidationResult validate(byte[] bytes, String name, ContentListener listener) {
        return validate(name, null, listener, new Content() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long size() {
                return bytes.length;
            }
        });
    }

    /** The largest message accepted, in bytes. */
    public long maxMessageBytes() {
        return maxMessageBytes;
    }

    private interface Content {
        InputStream open() throws IOException;

        long size() throws IOException;
    }

    /** The checks that need only the size: refused when empty or over the maximum (OP179). */
    public Optional<ValidationIssue> checkSize(long size) {
        if (size == 0) {
            return Optional.of(ValidationIssue.of(Problem.EMPTY, "the file is empty (0 bytes)"));
        }
        if (size > maxMessageBytes) {
            return Optional.of(ValidationIssue.of(Problem.TOO_LARGE, String.format(Locale.ROOT,
                    "the file is %,d bytes; at most %,d bytes (25 MB) are allowed (OP179)", size, maxMessageBytes)));
        }
        return Optional.empty();
    }

    private ValidationResult validate(String name, MessageHeader known, ContentListener listener, Content content) {
        try {
            Optional<ValidationIssue> sizeIssue = checkSize(content.size());
            if (sizeIssue.isPresent()) {
                return refused(name, null, sizeIssue.get());
            }
            MessageHeader header = known;
            if (header == null) {
                try (InputStream in = content.open()) {
                    header = headerReader.read(in);
                } catch (UnreadableMessageException e) {
                    return refused(name, null, e.issue());
                }
            }
            Optional<MessageSchema> schema = catalog.find(header.namespace(), header.berichtXsdVersie());
            if (schema.isEmpty()) {
                return refused(name, header, ValidationIssue.of(Problem.UNKNOWN_RELEASE, "no schema for namespace "
                        + header.namespace() + " in " + catalog.folder() + "; the gateway does not know this message type or release"));
            }
            // the message store keys the content by its SHA-256: computed here, while the bytes pass anyway
            try (DigestInputStream in = new DigestInputStream(content.open(), sha256())) {
                List<ValidationIssue> issues = validate(new KeepOpen(in), name, schema.get(), listener);
                in.transferTo(OutputStream.nullOutputStream());
                return new ValidationResult(name, header, schema.get(), issues, HexFormat.of().formatHex(in.getMessageDigest().digest()));
            }
        } catch (IOException e) {
            return refused(name, null, ValidationIssue.of(Problem.NOT_WELL_FORMED, "the file cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The schema sits inside the parser (the JDK's own pipeline, as in {@code Validator.validate}) rather than behind
     * it as a SAX ValidatorHandler: that hand-over cost a 25 MB declaratie a quarter of its validation time.
     */
    private List<ValidationIssue> validate(InputStream in, String name, MessageSchema schema, ContentListener listener) throws IOException {
        PathTracker tracker = new PathTracker(listener);
        Schema compiled = catalog.compiled(schema);
        Queue<XMLReader> readers = idle.computeIfAbsent(compiled, s -> new ConcurrentLinkedQueue<>());
        XMLReader reader = Objects.requireNonNullElseGet(readers.poll(), () -> validatingReader(compiled));
        try {
            reader.setContentHandler(tracker);
            reader.setErrorHandler(tracker);
            InputSource source = new InputSource(in);
            source.setSystemId(name);
            reader.parse(source);
        } catch (SAXParseException e) {
            // a fatal error: recorded by the tracker, parsing cannot go on
        } catch (SAXException e) {
            return List.of(ValidationIssue.of(Problem.NOT_WELL_FORMED, e.getMessage()));
        } finally {
            // the parser waits for the next message; what this one found must not stay with it
            reader.setContentHandler(NO_HANDLER);
            reader.setErrorHandler(NO_HANDLER);
            readers.offer(reader);
        }
        return tracker.issues();
    }

    private static XMLReader validatingReader(Schema schema) {
        try {
            XMLReader reader = SecureXml.saxParser(schema).getXMLReader();
            setEnglishMessages(reader);
            return reader;
        } catch (SAXException e) {
            throw new IllegalStateException("cannot create a validating parser", e);
        }
    }

    /**
     * The validator's messages are parsed into readable text; they must not come in the machine's language. The root
     * locale, not English: the messages have no English bundle of their own, so asking for English falls back to the
     * machine's language (a German machine gave German), while the root locale is the English base bundle.
     */
    private static void setEnglishMessages(XMLReader reader) {
        try {
            reader.setProperty(LOCALE, Locale.ROOT);
        } catch (SAXException e) {
            // not supported by this parser: its messages follow the default locale
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parser closes the stream it read; what it left unread (it stops at a fatal error) still goes through the digest. */
    private static final class KeepOpen extends FilterInputStream {

        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // closed by the caller
        }
    }

    private static ValidationResult refused(String name, MessageHeader header, ValidationIssue issue) {
        return new ValidationResult(name, header, null, List.of(issue), null);
    }
}
