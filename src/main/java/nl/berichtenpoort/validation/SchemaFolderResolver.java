package nl.berichtenpoort.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves {@code xs:import}/{@code xs:include} of a schema only to files inside the schema folder, relative to the
 * importing schema, and case-insensitively: every official message schema imports {@code basisschema.xsd} while the
 * official file is named {@code Basisschema.xsd}. Anything else (a URL, a file outside the folder) is refused.
 */
final class SchemaFolderResolver implements LSResourceResolver {

    private final Path root;

    SchemaFolderResolver(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId, String baseUri) {
        if (systemId == null || baseUri == null || systemId.contains(":")) {
            throw new SecurityException("schema reference '" + systemId + "' refused: only files inside " + root + " are read");
        }
        Path base = Path.of(URI.create(baseUri)).getParent();
        Path target = base.resolve(systemId).normalize();
        if (!target.startsWith(root)) {
            throw new SecurityException("schema reference '" + systemId + "' leaves the schema folder " + root);
        }
        Path file = Files.isRegularFile(target) ? target : findIgnoringCase(target);
        return new FileInput(file, publicId);
    }

    private static Path findIgnoringCase(Path target) {
        String wanted = target.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("imported schema " + target + " does not exist"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An LSInput that hands the parser an open stream, so it never fetches the system id itself. */
    private static final class FileInput implements LSInput {
        private final Path file;
        private final String publicId;

        FileInput(Path file, String publicId) {
            this.file = file;
            this.publicId = publicId;
        }

        @Override
        public InputStream getByteStream() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getSystemId() {
            return file.toUri().toString();
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setByteStream(InputStream byteStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setStringData(String stringData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSystemId(String systemId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setPublicId(String publicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setBaseURI(String baseUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setEncoding(String encoding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
            throw new UnsupportedOperationException();
        }
    }
}
