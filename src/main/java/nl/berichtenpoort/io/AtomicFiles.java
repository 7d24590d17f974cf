package nl.berichtenpoort.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a hidden temporary name and renames it when complete, so nobody watching the folder (an EPD, a
 * poller of this gateway) ever sees half a file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static Path write(Path folder, String name, ContentSource content) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".", ".deel");
            try (InputStream in = content.open()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(name), e);
        }
    }
}
