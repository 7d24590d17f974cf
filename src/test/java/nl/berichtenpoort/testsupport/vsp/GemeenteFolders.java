package nl.berichtenpoort.testsupport.vsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.berichtenpoort.message.MessageIdentity;

/**
 * Gemeente 0384 behind the VSP simulator as two folders, for the demo: what reaches it lands in {@code in/} (and every
 * heenbericht is accepted with its retour at once, in its conversation); a message dropped in {@code uit/} is sent to
 * the Ontvanger in its header and moves to {@code uit/.verzonden/} (or {@code uit/.fout/} with the reason printed).
 */
public final class GemeenteFolders implements AutoCloseable {

    private static final AtomicInteger RETOUR = new AtomicInteger();

    private final VspParty party;
    private final Path in;
    private final Path uit;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    private GemeenteFolders(VspParty party, Path folder) {
        this.party = party;
        this.in = folder.resolve("in");
        this.uit = folder.resolve("uit");
    }

    public static GemeenteFolders start(VspParty party, Path folder) {
        GemeenteFolders folders = new GemeenteFolders(party, folder);
        try {
            Files.createDirectories(folders.in);
            Files.createDirectories(folders.uit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folders.poller.scheduleWithFixedDelay(folders::poll, 1, 1, TimeUnit.SECONDS);
        return folders;
    }

    public Path in() {
        return in;
    }

    public Path uit() {
        return uit;
    }

    private void poll() {
        try {
            for (VspParty.Received received : party.receiveAll()) {
                MessageIdentity identity = MessageIdentity.of(received.header());
                String name = received.type().name() + "_" + identity.sender() + "_" + identity.identificatie() + ".xml";
                Files.write(in.resolve(name), received.payload());
                if (!received.type().isRetour()) {
                    party.accept(received, String.format("GM%010d", RETOUR.incrementAndGet()));
                }
            }
            for (Path file : waiting()) {
                try {
                    party.send(Files.readAllBytes(file));
                    move(file, ".verzonden");
                } catch (RuntimeException e) {
                    System.err.println("gemeente 0384: " + file.getFileName() + " not sent: " + e.getMessage());
                    move(file, ".fout");
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("gemeente 0384: " + e);
        }
    }

    private List<Path> waiting() throws IOException {
        try (Stream<Path> files = Files.list(uit)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private void move(Path file, String folder) throws IOException {
        Files.createDirectories(uit.resolve(folder));
        Files.move(file, uit.resolve(folder).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
