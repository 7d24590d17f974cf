package nl.berichtenpoort.testsupport.groenevink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stap;

/**
 * Plays a Groene Vink scenario between two gateways, an aanbieder and a gemeente, over the VSP: each step's message is
 * dropped by the sending back office only, and the gemeente's back office answers each declaratie with its 325;
 * everything else (delivery, checks, retours, correlation) is the gateways'
 * own work. After each step the receiving back office has the message and both sides record it as accepted.
 */
public final class FinaleRun {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final RunningGateway aanbieder;
    private final RunningGateway gemeente;
    private final Scenario scenario;

    public FinaleRun(RunningGateway aanbieder, RunningGateway gemeente, Scenario scenario) {
        this.aanbieder = aanbieder;
        this.gemeente = gemeente;
        this.scenario = scenario;
    }

    public void play() {
        for (Stap stap : scenario.stappen()) {
            boolean fromGemeente = stap.bericht().equals("301");
            RunningGateway sender = fromGemeente ? gemeente : aanbieder;
            RunningGateway receiver = fromGemeente ? aanbieder : gemeente;
            String type = scenario.type(stap);
            String what = scenario.naam() + " stap " + stap.nr() + " (" + type + " " + stap.identificatie() + ")";
            byte[] message = ScenarioMessages.of(scenario, stap);

            RunningGateway.drop(sender.epdUit(), stap.identificatie() + ".xml", message);

            var delivered = receiver.epdIn().resolve(type + "_" + scenario.afzender(stap) + "_" + stap.identificatie() + ".xml");
            await().alias(what + " reaches the other back office").atMost(WAIT).until(() -> Files.exists(delivered));
            assertThat(delivered).as(what).hasBinaryContent(message);
            if (stap.bericht().equals("323")) {
                // whether to pay is the gemeente back office's decision: it grants the declaratie with its own 325
                RunningGateway.drop(gemeente.epdUit(), "A" + stap.identificatie() + ".xml",
                        ScenarioMessages.acceptance(scenario, stap, message, "A" + stap.identificatie()));
            }
            await().alias(what + " accepted by the receiver").atMost(WAIT).until(() -> receiver.state(type, stap.identificatie()).equals("GEACCEPTEERD"));
            await().alias(what + " accepted at the sender").atMost(WAIT).until(() -> sender.state(type, stap.identificatie()).equals("GEACCEPTEERD"));
        }
    }
}
