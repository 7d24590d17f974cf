package nl.berichtenpoort.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client key: an HMAC-SHA256 of the BSN under a secret of this installation. It lets the store find every message
 * of one client without ever holding the BSN; without the secret the key cannot be turned back into a BSN (a plain hash
 * could, by trying all billion BSNs). The secret comes from the configuration (environment) or, when none is given, is
 * generated once and kept in a file readable only by the gateway's user.
 */
public final class ClientKeys {

    private final SecretKeySpec secret;

    public ClientKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the client-key secret must be at least 16 bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Uses the configured secret, or the one in {@code file}, creating that file with a new random secret if needed. */
    public static ClientKeys fromSecretOrFile(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return new ClientKeys(configured.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own protection applies
                }
            }
            return new ClientKeys(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the client-key secret " + file.toAbsolutePath(), e);
        }
    }

    /** 64 hex characters; the same BSN always gives the same key within one installation. */
    public String of(String bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(bsn.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
