package nl.berichtenpoort.gateway;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.groenevink.Scenario;
import nl.berichtenpoort.testsupport.groenevink.ScenarioRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ten Groene Vink scenarios (src/test/resources/groene-vink/) end to end, with the gateway in each role and the
 * test as the other party behind the VECOZO mailbox. One gateway per AGB code as aanbieder, one as gemeente 0384 for
 * all; each scenario has its own client, numbers and Identificaties. Run one scenario with -Dgroenevink=wmo-gaastra.
 */
class GroeneVinkIT {

    @TempDir
    static Path root;
    private static final Map<String, RunningGateway> GATEWAYS = new HashMap<>();

    static List<String> scenarios() {
        String only = System.getProperty("groenevink", "");
        return Scenario.all().stream().filter(name -> only.isBlank() || name.equals(only)).toList();
    }

    @ParameterizedTest(name = "{0} als aanbieder")
    @MethodSource("scenarios")
    void theScenarioRunsWithTheGatewayAsAanbieder(String name) {
        Scenario scenario = Scenario.load(name);
        new ScenarioRun(gateway("aanbieder-" + scenario.aanbieder(), "--berichtenpoort.agb-code=" + scenario.aanbieder()), scenario,
                Role.AANBIEDER).play();
    }

    @ParameterizedTest(name = "{0} als gemeente")
    @MethodSource("scenarios")
    void theScenarioRunsWithTheGatewayAsGemeente(String name) {
        Scenario scenario = Scenario.load(name);
        new ScenarioRun(gateway("gemeente-" + scenario.gemeente(), "--berichtenpoort.role=gemeente",
                "--berichtenpoort.gemeente-code=" + scenario.gemeente()), scenario, Role.GEMEENTE).play();
    }

    private static RunningGateway gateway(String name, String... settings) {
        return GATEWAYS.computeIfAbsent(name, n -> RunningGateway.startNamed(root, n, settings));
    }

    @AfterAll
    static void stop() {
        GATEWAYS.values().forEach(RunningGateway::close);
    }
}
