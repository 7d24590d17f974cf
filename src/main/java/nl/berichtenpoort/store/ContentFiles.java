package nl.berichtenpoort.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import nl.berichtenpoort.io.ContentSource;

/**
 * The bytes of the stored messages, one file per content named by its SHA-256 (berichtenpoort.store.content-folder),
 * beside the database rather than in it: a 25 MB declaratie streams to disk instead of passing through the database's
 * page cache, and the rows stay small. A file is complete (and, with a database that forces its commits to disk,
 * forced to disk too) before the row that names it is written, so a row never names a missing or half file; a file
 * without a row (a crash in between) is written again by the next try.
 */
public final class ContentFiles {

    private final Path folder;
    private final boolean sync;

    /** @param sync force each file to disk before its row is written (see berichtenpoort.store.sync-content) */
    public ContentFiles(Path folder, boolean sync) {
        this.folder = folder;
        this.sync = sync;
    }

    /** Keeps the content under its SHA-256, unless the same content is there already. */
    void keep(String sha256, long size, ContentSource content) {
        Path file = file(sha256);
        try {
            if (sizeOf(file) == size) {
                return;
            }
            // written under a name of its own, made once (one file created, none deleted: on ext4 each costs the
            // creations after it), and renamed when complete
            Path temp = file.resolveSibling("." + UUID.randomUUID() + ".deel");
            try {
                try (InputStream in = content.open(); OutputStream out = create(temp)) {
                    in.transferTo(out);
                }
                if (sync) {
                    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the message content as " + file, e);
        }
    }

    /** The size of a kept file, -1 when there is none. */
    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).size();
        } catch (NoSuchFileException none) {
            return -1;
        }
    }

    /** A new file; its folder (one per first two digits of the SHA-256) is made with the first file in it. */
    private static OutputStream create(Path temp) throws IOException {
        try {
            return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
        } catch (NoSuchFileException noFolder) {
            Files.createDirectories(temp.getParent());
            return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
        }
    }

    byte[] read(String sha256) {
        try {
            return Files.readAllBytes(file(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message content " + file(sha256), e);
        }
    }

    private Path file(String sha256) {
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256 + ".xml");
    }
}
