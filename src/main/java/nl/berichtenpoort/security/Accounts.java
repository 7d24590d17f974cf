package nl.berichtenpoort.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.BerichtenpoortProperties.User;
import nl.berichtenpoort.BerichtenpoortProperties.UserRole;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts of the gateway: the configured ones (passwords from the environment, hashed here unless given as a
 * hash), or, when none is configured, the account admin with a password generated at the first start, printed once and
 * kept only as a hash in a file readable by the gateway's user alone. No password ships with the gateway.
 */
public final class Accounts {

    static final String GENERATED_ACCOUNT = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Accounts() {
    }

    /** The accounts, each with its password hashed ({id}hash, as the delegating encoder reads it). */
    public static List<User> of(BerichtenpoortProperties.Security security, PasswordEncoder encoder) {
        if (!security.users().isEmpty()) {
            return security.users().stream().map(user -> new User(user.name(), hashed(user.password(), encoder), user.role())).toList();
        }
        return List.of(new User(GENERATED_ACCOUNT, generatedHash(security.generatedPassword(), encoder), UserRole.ADMIN));
    }

    private static String hashed(String password, PasswordEncoder encoder) {
        return password.startsWith("{") ? password : encoder.encode(password);
    }

    private static String generatedHash(Path file, PasswordEncoder encoder) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String password = randomPassword();
            String hash = encoder.encode(password);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, hash + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
            // on the console only, never through the logging (which may travel to a log server)
            System.out.println("""

                    Berichtenpoort: no account is configured (berichtenpoort.security.users), so the account '%s' was created.
                    Its password, shown this once: %s
                    Only its hash is kept, in %s; delete that file to get a new password at the next start.
                    """.formatted(GENERATED_ACCOUNT, password, file.toAbsolutePath()));
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the password file " + file.toAbsolutePath(), e);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
