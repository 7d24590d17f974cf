package nl.berichtenpoort.flow;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/**
 * The bytes of the message in an exchange, read from its file where there is one (a file or SFTP consumer with a
 * local work directory), so that a 25 MB message is streamed instead of held in memory.
 */
public record MessageContent(String name, Path file, byte[] bytes) {

    public static MessageContent of(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        String name = exchange.getProperty(Flow.SOURCE, String.class);
        if (name == null) {
            name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, exchange.getExchangeId(), String.class);
        }
        if (body instanceof GenericFile<?> generic && generic.getFile() instanceof File file) {
            return new MessageContent(name, file.toPath(), null);
        }
        if (body instanceof File file) {
            return new MessageContent(name, file.toPath(), null);
        }
        if (body instanceof Path path) {
            return new MessageContent(name, path, null);
        }
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        return new MessageContent(name, null, bytes == null ? new byte[0] : bytes);
    }

    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
    }

    public long size() {
        try {
            return file != null ? Files.size(file) : bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] readAll() {
        try {
            return file != null ? Files.readAllBytes(file) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file, or else the very byte array, these bytes are read from. */
    public Object source() {
        return file != null ? file : bytes;
    }

    /** The SHA-256 validation computed while it read this very file or byte array, or else computed now. */
    public String sha256(Exchange exchange) {
        String known = exchange.getProperty(Flow.SHA256, String.class);
        // a byte array equals only itself: a body converted again is hashed again
        return known != null && Objects.equals(source(), exchange.getProperty(Flow.SHA256_OF)) ? known : sha256();
    }

    public String sha256() {
        try (DigestInputStream in = new DigestInputStream(open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
