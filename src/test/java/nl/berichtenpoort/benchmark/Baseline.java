package nl.berichtenpoort.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import nl.berichtenpoort.benchmark.BenchmarkCorpus.Bericht;
import nl.berichtenpoort.validation.MessageSchema;
import nl.berichtenpoort.validation.SchemaCatalog;
import org.xml.sax.SAXException;

/**
 * The work no gateway can skip, for comparison: for each file, read it, parse and validate it (JAXP, streaming)
 * against the same compiled schemas the gateway uses, and write it to an output folder.
 */
final class Baseline {

    private final SchemaCatalog catalog;

    Baseline(SchemaCatalog catalog) {
        this.catalog = catalog;
        catalog.compileAll();
    }

    /** Processes every file of {@code berichten} (already in {@code in}) into {@code out}; answers the nanoseconds it took. */
    long run(List<Bericht> berichten, Path in, Path out) {
        try {
            Files.createDirectories(out);
            long start = System.nanoTime();
            for (Bericht bericht : berichten) {
                Path file = in.resolve(bericht.fileName());
                Validator validator = catalog.compiled(schema(bericht.type())).newValidator();
                try (InputStream content = Files.newInputStream(file)) {
                    validator.validate(new StreamSource(content, file.toString()));
                }
                Files.copy(file, out.resolve(bericht.deliveredAs()), StandardCopyOption.REPLACE_EXISTING);
            }
            return System.nanoTime() - start;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the baseline found an invalid message: " + e.getMessage(), e);
        }
    }

    private MessageSchema schema(String type) {
        String standard = type.startsWith("WMO") ? "iwmo" : "ijw";
        String namespace = "http://www.istandaarden.nl/" + standard + "/3_2/" + type.toLowerCase() + "/schema";
        return catalog.find(namespace, "1.0.0").orElseThrow(() -> new IllegalStateException("no schema for " + namespace));
    }
}
