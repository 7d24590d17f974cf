package nl.berichtenpoort;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference material of the standard in {@code ../shared/istandaarden} (official XSDs and example messages) and
 * VECOZO's API descriptions in {@code ../shared/vecozo}. It is not part of the project; tests that need it are skipped,
 * with this reason, where it is absent.
 */
public final class SharedReference {

    public static final Path ROOT = Path.of("..", "shared", "istandaarden").toAbsolutePath().normalize();

    private SharedReference() {
    }

    /** The official XSD folder; skips the calling test when the reference material is not present. */
    public static Path officialXsd() {
        return require(ROOT.resolve("xsd"));
    }

    /** The official example messages of one release folder, e.g. iwmo-3.2; skips the test when absent. */
    public static Path officialExamples(String folder) {
        return require(ROOT.resolve("examples").resolve(folder));
    }

    /** VECOZO's VSP-Koppeling OpenAPI description in ../shared/vecozo/openapi whose name starts so; skips the test when absent. */
    public static Path vspOpenApi(String fileNameStart) {
        Path folder = require(ROOT.resolveSibling("vecozo").resolve("openapi"));
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(fileNameStart)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + fileNameStart + "* in " + folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path require(Path path) {
        assumeTrue(Files.isDirectory(path), "SKIPPED: reference material " + path
                + " is not present (it lives in ../shared beside the project), so this check did not run");
        return path;
    }
}
