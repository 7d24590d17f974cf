package nl.berichtenpoort.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.groenevink.FinaleRun;
import nl.berichtenpoort.testsupport.groenevink.Scenario;
import nl.berichtenpoort.testsupport.vsp.VspWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Groene Vink finale: the ten scenarios between two gateways that talk only to each other, through the VSP
 * simulator over mutual TLS. Gemeente 0384 is one gateway for all; each aanbieder (four AGB codes) one of its own. No
 * message is written by the test except what a back office drops.
 */
class GroeneVinkFinaleIT {

    private static final String GEMEENTE = "0384";

    @TempDir
    static Path root;
    static VspWorld vsp;
    private static final Map<String, RunningGateway> GATEWAYS = new HashMap<>();

    static List<String> scenarios() {
        return GroeneVinkIT.scenarios();
    }

    @BeforeAll
    static void startVsp() {
        List<String> parties = new ArrayList<>(Scenario.all().stream().map(n -> Scenario.load(n).aanbieder()).distinct().toList());
        parties.add(GEMEENTE);
        vsp = VspWorld.start(root.resolve("vsp"), 0, parties);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theScenarioRunsBetweenAnAanbiederAndAGemeenteGatewayOverTheVsp(String name) {
        Scenario scenario = Scenario.load(name);
        RunningGateway gemeente = gateway("gemeente-" + GEMEENTE, GEMEENTE, "--berichtenpoort.role=gemeente",
                "--berichtenpoort.gemeente-code=" + GEMEENTE);
        RunningGateway aanbieder = gateway("aanbieder-" + scenario.aanbieder(), scenario.aanbieder(),
                "--berichtenpoort.agb-code=" + scenario.aanbieder());
        new FinaleRun(aanbieder, gemeente, scenario).play();
    }

    private static RunningGateway gateway(String name, String party, String... settings) {
        return GATEWAYS.computeIfAbsent(name, n -> RunningGateway.startNamed(root, n, vsp.gatewayArgs(vsp.keystore(party), settings)));
    }

    @AfterAll
    static void stop() {
        GATEWAYS.values().forEach(RunningGateway::close);
        vsp.close();
    }
}
