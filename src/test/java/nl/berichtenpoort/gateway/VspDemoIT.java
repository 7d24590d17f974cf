package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.vsp.VspDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local VSP demo of the README works: profile vsp-demo, the simulator and gemeente 0384 as folders. */
class VspDemoIT {

    @TempDir
    Path root;

    @Test
    void aRequestDroppedByTheEpdReachesTheGemeenteFolderAndAToewijzingDroppedThereReachesTheEpd() {
        try (VspDemo demo = VspDemo.start(root.resolve("vsp-demo"), 0);
             RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), demo.gatewayArgs().toArray(String[]::new))) {

            drop(gateway.epdUit(), "verzoek.xml", Fixtures.bytes("WMO315"));
            drop(demo.gemeente().uit(), "toewijzing.xml", Fixtures.withoutReferentieAanbieder(Fixtures.text("WMO301")).getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.state("WMO315", "T315-000401").equals("GEACCEPTEERD"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(gateway.epdIn().resolve("WMO301_0384_T301-000101.xml")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(demo.gemeente().in().resolve("WMO302_98025566_BP0000000001.xml")));
            assertThat(demo.gemeente().in().resolve("WMO315_98025566_T315-000401.xml")).hasBinaryContent(Fixtures.bytes("WMO315"));
        }
    }
}
