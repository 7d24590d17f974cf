package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway stopped in the middle of a batch and started again delivers every file exactly once. */
class RestartIT {

    private static final int FILES = 400;

    @TempDir
    Path root;

    @Test
    void aGatewayStoppedMidBatchAndStartedAgainDeliversEveryFileExactlyOnce() throws IOException {
        List<byte[]> messages = new ArrayList<>();
        try (RunningGateway gateway = RunningGateway.start(root, "--berichtenpoort.sequencing.enabled=false")) {
            for (int i = 0; i < FILES; i++) {
                String id = "RS-" + i;
                byte[] message = Fixtures.withIdentity(i % 2 == 0 ? "WMO305" : "JW307", id).getBytes(StandardCharsets.UTF_8);
                messages.add(message);
                drop(gateway.epdUit(), "bericht-" + i + ".xml", message);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> files(gateway.vecozoUit()).size() >= 5);
        }
        int deliveredBeforeRestart = files(root.resolve("vecozo/uit")).size();

        try (RunningGateway gateway = RunningGateway.start(root, "--berichtenpoort.sequencing.enabled=false")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> files(gateway.vecozoUit()).size() >= FILES);

            List<Path> delivered = files(gateway.vecozoUit());
            assertThat(delivered).hasSize(FILES);
            List<byte[]> contents = new ArrayList<>();
            for (Path file : delivered) {
                contents.add(Files.readAllBytes(file));
            }
            assertThat(contents).usingElementComparator(java.util.Arrays::compare).containsExactlyInAnyOrderElementsOf(messages);
            // the last file moves away just after its message is delivered
            await().atMost(Duration.ofSeconds(10)).until(() -> files(gateway.epdUit()).isEmpty());
            assertThat(files(gateway.fout())).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> steps(gateway, "verzonden") == FILES);
            assertThat(steps(gateway, "ontvangen")).isEqualTo(FILES);
        }
        assertThat(deliveredBeforeRestart).as("delivered before the restart").isBetween(5, FILES - 1);
    }

    private static long steps(RunningGateway gateway, String step) {
        return gateway.auditEvents().stream().filter(e -> step.equals(e.get("step"))).count();
    }
}
