package nl.berichtenpoort.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.berichtenpoort.xml.SecureXml;

/**
 * The meaning of every RetourCode (list WJ001), read from the documentation of LDT_RetourCode in the basisschemas of
 * the schema folder, so that a release that adds codes brings their meanings along.
 */
public final class RetourCodeMeanings {

    private final Map<String, String> meanings;

    RetourCodeMeanings(Map<String, String> meanings) {
        this.meanings = Map.copyOf(meanings);
    }

    public static RetourCodeMeanings load(Path schemaFolder) {
        XMLInputFactory stax = SecureXml.staxFactory();
        Map<String, String> meanings = new TreeMap<>();
        try (Stream<Path> files = Files.walk(schemaFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).equals("basisschema.xsd")).toList()) {
                read(stax, file, meanings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RetourCodeMeanings(meanings);
    }

    /** The meaning of a code, or a plain note when the code is not in any installed list. */
    public String meaning(String code) {
        return meanings.getOrDefault(code, "(code not in the RetourCode list of the installed schemas)");
    }

    public int size() {
        return meanings.size();
    }

    private static void read(XMLInputFactory stax, Path file, Map<String, String> meanings) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = stax.createXMLStreamReader(in);
            boolean inRetourCode = false;
            String code = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "simpleType" -> inRetourCode = "LDT_RetourCode".equals(reader.getAttributeValue(null, "name"));
                        case "enumeration" -> code = inRetourCode ? reader.getAttributeValue(null, "value") : null;
                        case "documentation" -> {
                            String text = reader.getElementText().strip().replaceAll("\\s+", " ");
                            if (code != null) {
                                meanings.putIfAbsent(code, text);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "simpleType".equals(reader.getLocalName())) {
                    inRetourCode = false;
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
