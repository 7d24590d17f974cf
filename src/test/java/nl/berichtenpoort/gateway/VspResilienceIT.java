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

    @Test
    @SuppressWarnings("unchecked")
    void aClientCertificateTheVspDoesNotTrustIsRefusedAndTheMessageWaitsInFoutWithTheReason() {
        Path strangeCertificate = TestPki.authority("Onbekende CA").writeClient(root.resolve("vreemd.p12"), VspWorld.AANBIEDER);
        try (VspWorld vsp = VspWorld.start(root.resolve("vsp"));
             RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs(strangeCertificate))) {

            drop(gateway.epdUit(), "verzoek.xml", Fixtures.bytes("WMO315"));

            Map<String, Object> entry = await().atMost(WAIT).until(() -> ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters"))
                    .stream().filter(e -> "T315-000401".equals(e.get("identificatie"))).findFirst().orElse(null), e -> e != null);
            assertThat(entry).containsEntry("problem", "TECHNICAL");
            // TLS 1.2 reports the refusal as such; TLS 1.3 only as a connection the server closed
            assertThat((String) entry.get("reason")).containsAnyOf("the server refused our client certificate",
                    "this is how a refused client certificate shows");
            assertThat(vsp.simulator().received()).isEmpty();
            assertThat(vsp.simulator().requests()).isEmpty();
            assertThat(gateway.state("WMO315", "T315-000401")).isEqualTo("FOUT");
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
                assertThat(simulator.requests()).filteredOn(r -> r.method().equals("DELETE")).extracting(VspSimulator.Request::status)
                        .containsExactly(503, 202);
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
