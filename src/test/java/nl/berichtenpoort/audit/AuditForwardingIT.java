package nl.berichtenpoort.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit events go to the queue right after the commit that wrote them (AuditForwarder#forwardSoon), not only when the
 * timer route next runs: that one is for the events that waited for the broker.
 */
class AuditForwardingIT {

    @TempDir
    Path root;

    @Test
    void theEventsOfASentMessageReachTheAuditQueueWithoutTheTimer() {
        // the timer route first runs an hour after the start
        try (RunningGateway gateway = RunningGateway.start(root, "--berichtenpoort.audit.forward-interval=1h")) {
            RunningGateway.drop(gateway.epdUit(), "AUDIT-0001.xml",
                    Fixtures.withIdentity("WMO315", "AUDIT-0001").getBytes(StandardCharsets.UTF_8));

            // stepsOf waits (30 s at most) until no event waits in the store any more
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.stepsOf("AUDIT-0001").size() >= 3);
            assertThat(gateway.stepsOf("AUDIT-0001")).containsExactly("ontvangen", "gevalideerd", "verzonden");
        }
    }
}
