package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.vsp.TestPki;
import nl.berichtenpoort.testsupport.vsp.VspParty;
import nl.berichtenpoort.testsupport.vsp.VspSimulator;
import nl.berichtenpoort.testsupport.vsp.VspWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VSP transport when things go wrong around the gateway: a certificate VECOZO does not trust, a crash mid-cycle. */
class VspResilienceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    /**
     * A refused certificate is the gateway's problem, not the message's: the message waits in the EPD folder with the
     * reason in health, nothing reaches VECOZO, and once the right certificate is installed it goes out.
     */
    @Test
    void aClientCertificateTheVspDoesNotTrustKeepsTheMessageWaitingWithTheReasonInHealthUntilTheRightOneIsInstalled() {
        Path strangeCertificate = TestPki.authority("Onbekende CA").writeClient(root.resolve("vreemd.p12"), VspWorld.AANBIEDER);
        try (VspWorld vsp = VspWorld.start(root.resolve("vsp"))) {
            try (RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs(strangeCertificate))) {
                drop(gateway.epdUit(), "verzoek.xml", Fixtures.bytes("WMO315"));

                Map<String, Object> health = await().atMost(WAIT).until(() -> gateway.health("vecozo"), h -> "DOWN".equals(h.get("status")));
                @SuppressWarnings("unchecked")
                Map<String, Object> details = (Map<String, Object>) health.get("details");
                assertThat(details).containsEntry("waiting", "WMO315_98025566_T315-000401.xml");
                // TLS 1.2 reports the refusal as such; TLS 1.3 only as a connection the server closed
                assertThat((String) details.get("reason")).containsAnyOf("the server refused our client certificate",
                        "this is how a refused client certificate shows");
                assertThat(files(gateway.fout())).isEmpty();
                assertThat(gateway.epdUit().resolve("verzoek.xml")).exists();
                assertThat(gateway.state("WMO315", "T315-000401")).isEqualTo("ONTVANGEN");
                assertThat(vsp.simulator().received()).isEmpty();
            }

            try (RunningGateway restarted = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs())) {
                await().atMost(WAIT).until(() -> restarted.state("WMO315", "T315-000401").equals("VERZONDEN"));
                assertThat(vsp.simulator().received()).singleElement().satisfies(b -> assertThat(b.payload()).isEqualTo(Fixtures.bytes("WMO315")));
                assertThat(restarted.health("vecozo")).containsEntry("status", "UP");
                assertThat(files(restarted.fout())).isEmpty();
            }
        }
    }

    @Test
    void aMessageFetchedAgainAfterACrashBeforeItsConfirmationIsProcessedOnce() {
        try (VspWorld vsp = VspWorld.start(root.resolve("vsp"))) {
            VspSimulator simulator = vsp.simulator();
            VspParty gemeente = vsp.gemeente();
            simulator.failNextConfirmations(1);
            String traceerId;
            // one pull at start, the next only after a minute: the gateway stops before it would confirm again
            try (RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs("--berichtenpoort.vecozo.vsp.pull-interval=60000"))) {
                traceerId = gemeente.send(Fixtures.withoutReferentieAanbieder(Fixtures.text("JW301")).getBytes(StandardCharsets.UTF_8),
                        VspWorld.AANBIEDER);
                await().atMost(WAIT).until(() -> simulator.requests().stream().anyMatch(r -> r.method().equals("DELETE") && r.status() == 503));
                assertThat(gateway.epdIn().resolve("JW301_0384_T301-000101.xml")).exists();
                assertThat(simulator.queue(VspWorld.AANBIEDER)).containsExactly(traceerId);
            }

            try (RunningGateway restarted = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs())) {
                await().atMost(WAIT).until(() -> simulator.queue(VspWorld.AANBIEDER).isEmpty());
                // the simulator logs a request after answering it, so the log is awaited, not read once
                await().atMost(WAIT).untilAsserted(() -> assertThat(simulator.requests()).filteredOn(r -> r.method().equals("DELETE"))
                        .extracting(VspSimulator.Request::status).containsExactly(503, 202));
                assertThat(files(restarted.epdIn())).containsExactly(restarted.epdIn().resolve("JW301_0384_T301-000101.xml"));
                assertThat(restarted.stepsOf("T301-000101")).containsOnlyOnce("afgeleverd");
                List<VspParty.Received> retours = new ArrayList<>(gemeente.receiveAll());
                assertThat(retours).singleElement().satisfies(r -> {
                    assertThat(r.type().name()).isEqualTo("JW302");
                    assertThat(r.alsAntwoordOp()).isEqualTo(traceerId);
                });
                assertThat(simulator.bericht(traceerId).status()).isEqualTo("Bezorgd");
            }
        }
    }
}
