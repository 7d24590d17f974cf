package nl.berichtenpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFilesTest {

    private static final String SHA = "af57d8e1401be4d9e8e6e41086c7ce7ee41e08cf13d8668181d51e347805c74b";

    @TempDir
    Path folder;

    @Test
    void contentIsKeptOnceUnderItsSha256InAFolderMadeForItWithNoPartLeft() throws IOException {
        ContentFiles contents = new ContentFiles(folder.resolve("inhoud"), false);
        byte[] bytes = "<Bericht/>".getBytes(StandardCharsets.UTF_8);
        int[] opened = {0};

        contents.keep(SHA, bytes.length, () -> {
            opened[0]++;
            return new ByteArrayInputStream(bytes);
        });
        contents.keep(SHA, bytes.length, () -> {
            opened[0]++;
            return new ByteArrayInputStream(bytes);
        });

        assertThat(opened[0]).as("the second time the file is there already").isEqualTo(1);
        assertThat(contents.read(SHA)).isEqualTo(bytes);
        assertThat(allFiles()).containsExactly(folder.resolve("inhoud/af/" + SHA + ".xml"));
    }

    @Test
    void aFileCutShortBeforeACrashIsWrittenAgain() throws IOException {
        ContentFiles contents = new ContentFiles(folder.resolve("inhoud"), true);
        byte[] bytes = "<Bericht>heel</Bericht>".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("inhoud/af"));
        Files.writeString(folder.resolve("inhoud/af/" + SHA + ".xml"), "<Ber");

        contents.keep(SHA, bytes.length, () -> new ByteArrayInputStream(bytes));

        assertThat(contents.read(SHA)).isEqualTo(bytes);
        assertThat(allFiles()).hasSize(1);
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
