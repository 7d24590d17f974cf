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
 * own work. After each step the receiving back office has the message and both sides record the state the scenario
 * expects; then the step's wrong variant goes the same way and comes back with the RetourCode the scenario names.
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
            boolean fromGemeente = stap.doorGemeente();
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
            String expected = stap.verwacht().status();
            await().alias(what + " accepted by the receiver").atMost(WAIT).until(() -> receiver.state(type, stap.identificatie()).equals(expected));
            await().alias(what + " accepted at the sender").atMost(WAIT).until(() -> sender.state(type, stap.identificatie()).equals(expected));
            refused(stap, WrongVariants.of(stap), sender, receiver);
        }
    }

    /**
     * The step's wrong variant, dropped by the sending back office, is refused by the receiving gateway with the
     * RetourCode the scenario names; the sending gateway records that code and puts the message in its afkeur.
     */
    private void refused(Stap stap, WrongVariants variant, RunningGateway sender, RunningGateway receiver) {
        String type = scenario.type(stap);
        String id = variant.stap().identificatie();
        String what = scenario.naam() + " stap " + stap.nr() + " fout (" + variant.wat() + ")";
        RunningGateway.drop(sender.epdUit(), id + ".xml", ScenarioMessages.of(scenario, variant.stap()));

        String rejected = variant.rejectedState();
        await().alias(what + " refused by the receiver").atMost(WAIT).until(() -> receiver.state(type, id).equals(rejected));
        await().alias(what + " refused at the sender").atMost(WAIT).until(() -> sender.state(type, id).equals(rejected));
        assertThat(String.valueOf(sender.message(type, id).get("retourCodes"))).as(what).contains(variant.retourCode());
        await().alias(what + " in the sender's afkeur").atMost(WAIT).until(() -> RunningGateway.files(sender.afkeur()).stream()
                .anyMatch(f -> f.getFileName().toString().equals("reden.txt") && RunningGateway.text(f).contains(id)
                        && RunningGateway.text(f).contains(variant.retourCode())));
        assertThat(receiver.epdIn().resolve(type + "_" + scenario.afzender(stap) + "_" + id + ".xml")).as(what).doesNotExist();
    }
}
