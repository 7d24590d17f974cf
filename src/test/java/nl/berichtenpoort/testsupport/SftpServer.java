package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server in this JVM (Apache MINA SSHD) that stands in for the VECOZO mailbox: its files live in a folder
 * of the test, its host key is kept in a file so that a server started again on the same port is the same host.
 */
public final class SftpServer implements AutoCloseable {

    public static final String USER = "berichtenpoort";

    private final SshServer server;
    private final Path files;
    private final List<String> completed;

    private SftpServer(SshServer server, Path files, List<String> completed) {
        this.server = server;
        this.files = files;
        this.completed = completed;
    }

    /**
     * @param password        accepted for {@link #USER}, or null
     * @param authorizedKey   accepted for {@link #USER}, or null
     */
    public static SftpServer start(Path state, int port, String password, PublicKey authorizedKey) {
        try {
            Path files = Files.createDirectories(state.resolve("mailbox"));
            Files.createDirectories(files.resolve("uit"));
            Files.createDirectories(files.resolve("in"));
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("localhost");
            server.setPort(port);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(state.resolve("hostkey.ser")));
            server.setPasswordAuthenticator((user, given, session) -> password != null && USER.equals(user) && password.equals(given));
            server.setPublickeyAuthenticator(authorizedKey == null ? (user, key, session) -> false
                    : new KeySetPublickeyAuthenticator("test", List.of(authorizedKey)));
            List<String> completed = new CopyOnWriteArrayList<>();
            SftpSubsystemFactory sftp = new SftpSubsystemFactory();
            sftp.addSftpEventListener(new SftpEventListener() {
                @Override
                public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options, Throwable failed) {
                    if (failed == null) {
                        completed.add(target.getFileName().toString());
                    }
                }
            });
            server.setSubsystemFactories(List.of(sftp));
            server.setFileSystemFactory(new VirtualFileSystemFactory(files));
            server.start();
            return new SftpServer(server, files, completed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The folder behind the server's root: uit/ receives uploads, in/ holds what the gateway fetches. */
    public Path files() {
        return files;
    }

    /** The names files were renamed to (an upload completes by renaming its temporary file), in that order. */
    public List<String> completedUploads() {
        return List.copyOf(completed);
    }

    /** Writes a known_hosts file that trusts this server's host key as localhost:port. */
    public Path writeKnownHosts(Path file) {
        try {
            PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
            Files.writeString(file, "[localhost]:" + port() + " " + PublicKeyEntry.toString(hostKey) + "\n");
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new RSA key pair for a client, its private half written in OpenSSH format to {@code file}. */
    public static KeyPair clientKey(Path file) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "berichtenpoort-test", null, out);
            }
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
