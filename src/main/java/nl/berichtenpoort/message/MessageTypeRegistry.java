package nl.berichtenpoort.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table of known message types, read from {@code berichttypen.csv} in the schema folder. Every route identifies
 * messages here; adding a release is adding rows to the table, not code. The table is checked when it is read:
 * every counterpart must exist in the same release and point back.
 */
public final class MessageTypeRegistry {

    public static final String TABLE_FILE = "berichttypen.csv";

    private static final List<String> COLUMNS = List.of(
            "type", "standard", "release", "berichtCode", "namespace", "direction", "counterpart", "sender", "description");

    private final List<MessageType> types;
    private final Map<String, MessageType> byNamespaceAndCode;
    private final Map<String, MessageType> byReleaseAndName;

    public MessageTypeRegistry(List<MessageType> types) {
        this.types = List.copyOf(types);
        this.byNamespaceAndCode = uniqueIndex(types, t -> t.namespace() + "|" + t.berichtCode(), "namespace and BerichtCode");
        this.byReleaseAndName = uniqueIndex(types, t -> releaseKey(t.standard(), t.release(), t.name()), "release and type");
        types.forEach(this::checkCounterpart);
    }

    /** Reads the table from {@code berichttypen.csv} in the given schema folder. */
    public static MessageTypeRegistry load(Path schemaFolder) {
        Path table = schemaFolder.resolve(TABLE_FILE);
        try {
            return new MessageTypeRegistry(parse(Files.readAllLines(table, StandardCharsets.UTF_8), table));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message-type table " + table.toAbsolutePath(), e);
        }
    }

    /** The message type of a message with this root namespace and header BerichtCode, if the gateway knows it. */
    public Optional<MessageType> find(String namespace, String berichtCode) {
        return Optional.ofNullable(byNamespaceAndCode.get(namespace + "|" + berichtCode));
    }

    /** The message type whose root element lives in this namespace (a namespace holds exactly one message type). */
    public Optional<MessageType> findByNamespace(String namespace) {
        return types.stream().filter(t -> t.namespace().equals(namespace)).findFirst();
    }

    /** For a heenbericht the retour that answers it; for a retour the heenbericht it answers. */
    public MessageType counterpartOf(MessageType type) {
        return byReleaseAndName.get(releaseKey(type.standard(), type.release(), type.counterpart()));
    }

    public List<MessageType> all() {
        return types;
    }

    private void checkCounterpart(MessageType type) {
        MessageType counterpart = byReleaseAndName.get(releaseKey(type.standard(), type.release(), type.counterpart()));
        if (counterpart == null) {
            throw new IllegalStateException(type.name() + " " + type.release() + " names counterpart "
                    + type.counterpart() + ", which is not in the table for that release");
        }
        if (!counterpart.counterpart().equals(type.name()) || counterpart.direction() == type.direction()) {
            throw new IllegalStateException(type.name() + " and " + counterpart.name()
                    + " must name each other as counterpart, one heen and one retour");
        }
        if (counterpart.sender() == type.sender()) {
            throw new IllegalStateException(type.name() + " and its counterpart " + counterpart.name()
                    + " cannot both be sent by the " + type.sender().code());
        }
    }

    private static List<MessageType> parse(List<String> lines, Path table) {
        List<MessageType> types = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(";", -1);
            if (!headerSeen) {
                if (!List.of(cells).equals(COLUMNS)) {
                    throw new IllegalStateException(table + " line " + (i + 1) + ": expected the header " + String.join(";", COLUMNS));
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != COLUMNS.size()) {
                throw new IllegalStateException(table + " line " + (i + 1) + ": expected " + COLUMNS.size()
                        + " columns separated by ';', found " + cells.length);
            }
            try {
                types.add(new MessageType(cells[0].strip(), Standard.fromCode(cells[1]), cells[2].strip(), cells[3].strip(),
                        cells[4].strip(), Direction.fromCode(cells[5]), cells[6].strip(), Role.fromCode(cells[7]),
                        cells[8].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(table + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return types;
    }

    private static String releaseKey(Standard standard, String release, String name) {
        return standard.code() + "|" + release + "|" + name;
    }

    private static Map<String, MessageType> uniqueIndex(List<MessageType> types, Function<MessageType, String> key, String what) {
        return types.stream().collect(Collectors.toUnmodifiableMap(key, t -> t, (a, b) -> {
            throw new IllegalStateException("two message types with the same " + what + ": " + a + " and " + b);
        }));
    }
}
