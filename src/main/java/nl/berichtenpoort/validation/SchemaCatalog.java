package nl.berichtenpoort.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.berichtenpoort.xml.SecureXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The message schemas in the schema folder (any depth), found by what their xs:appinfo says, so an operator can put an
 * official release or patch beside the project's own: the release is chosen by the message's namespace, and within a
 * namespace by the BerichtXsdVersie in its header (the newest installed version when none matches exactly).
 * Compiled schemas are cached: a {@link Schema} is thread-safe and compiling one costs far more than validating.
 */
public final class SchemaCatalog {

    private static final String BASISSCHEMA = "basisschema";
    /** The appinfo sits before these; meeting one means the schema has no appinfo. */
    private static final Set<String> SCHEMA_COMPONENTS = Set.of("element", "complexType", "simpleType", "group", "attribute", "attributeGroup");

    private final Path folder;
    private final Map<String, List<MessageSchema>> byNamespace;
    private final Map<Path, Schema> compiled = new ConcurrentHashMap<>();
    private final SchemaFactory factory;

    public SchemaCatalog(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.folder)) {
            throw new IllegalStateException("schema folder " + this.folder + " does not exist");
        }
        this.byNamespace = scan(this.folder);
        this.factory = SecureXml.schemaFactory();
        this.factory.setResourceResolver(new SchemaFolderResolver(this.folder));
    }

    public Path folder() {
        return folder;
    }

    /** All message schemas found, sorted by namespace and version. */
    public List<MessageSchema> schemas() {
        return byNamespace.values().stream().flatMap(List::stream).toList();
    }

    /** The schema for a message in this namespace that declares this BerichtXsdVersie (may be empty or unknown). */
    public Optional<MessageSchema> find(String namespace, String berichtXsdVersie) {
        List<MessageSchema> candidates = byNamespace.getOrDefault(namespace, List.of());
        return candidates.stream()
                .filter(s -> s.version().equals(berichtXsdVersie))
                .findFirst()
                .or(() -> candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1)));
    }

    /** The compiled schema, compiled once and then shared. */
    public Schema compiled(MessageSchema schema) {
        return compiled.computeIfAbsent(schema.file(), f -> compile(schema));
    }

    /** Compiles every schema now, so that a broken schema stops the gateway at start instead of at its first message. */
    public void compileAll() {
        schemas().forEach(this::compiled);
    }

    private Schema compile(MessageSchema schema) {
        List<String> errors = new ArrayList<>();
        synchronized (factory) {
            factory.setErrorHandler(new CollectingErrorHandler(errors));
            try {
                Schema result = factory.newSchema(new StreamSource(schema.file().toFile()));
                if (errors.isEmpty()) {
                    return result;
                }
            } catch (SAXException | RuntimeException e) {
                if (errors.isEmpty()) {
                    errors.add(e.getMessage());
                }
            }
        }
        throw new IllegalStateException("schema " + schema.file() + " cannot be compiled: " + String.join("; ", errors));
    }

    private static Map<String, List<MessageSchema>> scan(Path folder) {
        XMLInputFactory stax = SecureXml.staxFactory();
        List<MessageSchema> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".xsd")).sorted().toList()) {
                readAppinfo(stax, file).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema folder " + folder, e);
        }
        Map<String, List<MessageSchema>> byNamespace = new HashMap<>();
        for (MessageSchema schema : found) {
            List<MessageSchema> list = byNamespace.computeIfAbsent(schema.namespace(), ns -> new ArrayList<>());
            list.stream().filter(s -> s.version().equals(schema.version())).findFirst().ifPresent(twin -> {
                throw new IllegalStateException("two schemas for " + schema.namespace() + " version " + schema.version()
                        + ": " + twin.file() + " and " + schema.file());
            });
            list.add(schema);
        }
        byNamespace.values().forEach(list -> list.sort(Comparator.comparing(MessageSchema::version, SchemaCatalog::compareVersions)));
        return byNamespace.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** Reads targetNamespace and the appinfo block; basisschemas and schemas without appinfo are not message schemas. */
    private static Optional<MessageSchema> readAppinfo(XMLInputFactory stax, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = stax.createXMLStreamReader(in);
            String namespace = null;
            Map<String, String> appinfo = new HashMap<>();
            boolean inAppinfo = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (namespace == null) {
                        namespace = reader.getAttributeValue(null, "targetNamespace");
                    } else if ("appinfo".equals(name) && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(reader.getNamespaceURI())) {
                        inAppinfo = true;
                    } else if (inAppinfo) {
                        appinfo.put(name, reader.getElementText().strip());
                    } else if (SCHEMA_COMPONENTS.contains(name)) {
                        break;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "appinfo".equals(reader.getLocalName())) {
                    break;
                }
            }
            reader.close();
            String message = appinfo.get("bericht");
            if (namespace == null || message == null || BASISSCHEMA.equalsIgnoreCase(message)) {
                return Optional.empty();
            }
            return Optional.of(new MessageSchema(namespace, appinfo.getOrDefault("standaard", ""), message,
                    appinfo.getOrDefault("release", ""), appinfo.getOrDefault("BerichtXsdVersie", "0.0.0"),
                    appinfo.getOrDefault("BasisschemaXsdVersie", "0.0.0"), file));
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot read schema " + file + ": " + e.getMessage(), e);
        }
    }

    /** Compares n.n.n versions numerically; anything unparsable sorts first. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long number(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private record CollectingErrorHandler(List<String> errors) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not stop a schema from compiling
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(describe(e));
        }

        private static String describe(SAXParseException e) {
            return e.getSystemId() + " line " + e.getLineNumber() + ": " + e.getMessage();
        }
    }
}
