package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's own rich, valid example messages: one per message type and standard, in src/test/resources/berichten. */
public final class Fixtures {

    public static final Path ROOT = Path.of("src", "test", "resources", "berichten");

    private Fixtures() {
    }

    /** All 28 fixtures, iWmo first, sorted by type. */
    public static List<Path> all() {
        try (Stream<Path> files = Stream.concat(Files.list(ROOT.resolve("iwmo")), Files.list(ROOT.resolve("ijw")))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture of one message type, e.g. {@code WMO301} or {@code JW325}. */
    public static Path of(String type) {
        return ROOT.resolve(type.startsWith("WMO") ? "iwmo" : "ijw").resolve(type + ".xml");
    }

    public static byte[] bytes(String type) {
        try {
            return Files.readAllBytes(of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String type(Path fixture) {
        return fixture.getFileName().toString().replace(".xml", "");
    }
}
