package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.GemeenteSimulator;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway restarted in the middle of a cycle knows every state, deadline and waiting message it knew before. */
class LifecycleRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    @Test
    @SuppressWarnings("unchecked")
    void aRestartBetweenSendingAndTheRetourLosesNoStateAndReleasesTheWaitingStopAfterwards() {
        try (RunningGateway gateway = RunningGateway.start(root)) {
            drop(gateway.epdUit(), "a-start.xml", Fixtures.withIdentity("JW305", "RS-START").getBytes(StandardCharsets.UTF_8));
            await().atMost(WAIT).until(() -> "VERZONDEN".equals(gateway.state("JW305", "RS-START")));
            drop(gateway.epdUit(), "b-stop.xml", Fixtures.withIdentity("JW307", "RS-STOP").getBytes(StandardCharsets.UTF_8));
            await().atMost(WAIT).until(() -> "WACHT_OP_VOORGANGER".equals(gateway.state("JW307", "RS-STOP")));
        }

        try (RunningGateway gateway = RunningGateway.start(root)) {
            assertThat(gateway.state("JW305", "RS-START")).isEqualTo("VERZONDEN");
            assertThat(gateway.state("JW307", "RS-STOP")).isEqualTo("WACHT_OP_VOORGANGER");
            assertThat((List<Map<String, Object>>) gateway.message("JW305", "RS-START").get("deadlines"))
                    .singleElement().satisfies(d -> assertThat(d.get("fulfilledBy")).isNull());

            new GemeenteSimulator(gateway).accept("JW305", "RS-START");

            await().atMost(WAIT).until(() -> "GEACCEPTEERD".equals(gateway.state("JW305", "RS-START")));
            await().atMost(WAIT).until(() -> "VERZONDEN".equals(gateway.state("JW307", "RS-STOP")));
            assertThat(Files.exists(gateway.vecozoUit().resolve("JW307_98025566_RS-STOP.xml"))).isTrue();
            assertThat((List<Map<String, Object>>) gateway.message("JW305", "RS-START").get("deadlines"))
                    .singleElement().satisfies(d -> assertThat(d.get("fulfilledBy")).isNotNull());
            assertThat(gateway.auditEvents()).filteredOn(e -> "verzonden".equals(e.get("step"))).hasSize(2);
        }
    }
}
