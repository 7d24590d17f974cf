package nl.berichtenpoort.testsupport.groenevink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.berichtenpoort.SharedReference;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stap;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;

/**
 * Plays a Groene Vink scenario against a gateway in one role, the test being the other party behind the VECOZO
 * mailbox folders. A step the gateway's side sends: its back office drops the message, which must reach VECOZO byte for
 * byte and valid, and be accepted by the other party's retour; then another message under its Identificatie must be
 * refused by the gateway itself (TR056). A step the other side sends: it arrives in the mailbox, the gateway must
 * accept it with the step's retour, without RetourCodes and valid 3.2, and hand it to its back office (a declaratie is
 * answered by the back office's 325, which the gateway sends); then the step's wrong variant must get the RetourCode
 * the scenario file names. After each step the states and audit steps are checked.
 */
public final class ScenarioRun {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RunningGateway gateway;
    private final Scenario scenario;
    private final Role role;

    public ScenarioRun(RunningGateway gateway, Scenario scenario, Role role) {
        this.gateway = gateway;
        this.scenario = scenario;
        this.role = role;
    }

    public void play() {
        play(stap -> {
        });
    }

    /** Plays the scenario, telling {@code beforeEach} about each step before it is played. */
    public void play(Consumer<Stap> beforeEach) {
        for (Stap stap : scenario.stappen()) {
            beforeEach.accept(stap);
            if (ours(stap)) {
                sent(stap);
                refusedBeforeSending(stap, WrongVariants.duplicate(stap));
            } else {
                received(stap);
                refused(stap, WrongVariants.of(stap));
            }
        }
    }

    /** Whether the gateway's side sends this step's message. */
    public boolean ours(Stap stap) {
        return stap.doorGemeente() == (role == Role.GEMEENTE);
    }

    private void sent(Stap stap) {
        String type = scenario.type(stap);
        byte[] message = ScenarioMessages.of(scenario, stap);
        RunningGateway.drop(gateway.epdUit(), stap.identificatie() + ".xml", message);

        Path out = gateway.vecozoUit().resolve(type + "_" + scenario.afzender(stap) + "_" + stap.identificatie() + ".xml");
        await().atMost(WAIT).until(() -> Files.exists(out));
        assertThat(out).as(describe(stap)).hasBinaryContent(message);
        assertOfficiallyValid(message, stap);
        await().atMost(WAIT).until(() -> gateway.state(type, stap.identificatie()).equals("VERZONDEN"));
        awaitDeadline(stap, type, stap.identificatie(), false);

        String retourId = "R" + stap.identificatie();
        RunningGateway.drop(gateway.vecozoIn(), retourId + ".xml", ScenarioMessages.acceptance(scenario, stap, message, retourId));
        await().atMost(WAIT).until(() -> gateway.state(type, stap.identificatie()).equals(stap.verwacht().status()));
        awaitDeadline(stap, type, stap.identificatie(), true);
        awaitSteps(stap, stap.identificatie(), "ontvangen", "gevalideerd", "verzonden");
        awaitSteps(stap, retourId, "ontvangen", "gevalideerd", "retour-ontvangen", "geaccepteerd");
    }

    /** Audit events travel over JMS after the store is updated, so they are awaited, not read once. */
    private void awaitSteps(Stap stap, String identificatie, String... steps) {
        await().pollDelay(Duration.ZERO).atMost(WAIT).untilAsserted(() -> assertThat(gateway.stepsOf(identificatie)).as(describe(stap))
                .containsSubsequence(steps));
    }

    private void received(Stap stap) {
        String type = scenario.type(stap);
        byte[] message = ScenarioMessages.of(scenario, stap);
        RunningGateway.drop(gateway.vecozoIn(), stap.identificatie() + ".xml", message);

        boolean declaratie = stap.bericht().equals("323");
        await().atMost(WAIT).until(() -> gateway.state(type, stap.identificatie()).equals(declaratie ? "AFGELEVERD" : stap.verwacht().status()));
        // the state is decided before the message is handed over, so the hand-over is awaited
        awaitSteps(stap, stap.identificatie(), "ontvangen", "gevalideerd", "afgeleverd");
        assertThat(gateway.epdIn().resolve(type + "_" + scenario.afzender(stap) + "_" + stap.identificatie() + ".xml")).as(describe(stap))
                .hasBinaryContent(message);
        if (declaratie) {
            answeredByBackOffice(stap, message);
            return;
        }
        Map<String, Object> answer = answers(type, stap.identificatie()).get(0);
        assertThat(answer.get("type")).as(describe(stap)).isEqualTo(retourType(stap));
        byte[] retour = RunningGateway.bytes(gateway.vecozoUit().resolve(answer.get("type") + "_" + scenario.ontvanger(stap) + "_" + answer.get("identificatie")
                + ".xml"));
        assertOfficiallyValid(retour, stap);
        assertThat(MessageTree.parse(retour).descendants("RetourCode")).as(describe(stap) + ": a retour without RetourCodes").isEmpty();
        // a retour that approves everything is the header alone (IV028), naming the message it answers
        assertThat(MessageTree.parse(retour).text("Header/BerichtIdentificatie/Identificatie")).as(describe(stap)).isEqualTo(stap.identificatie());
        assertThat(MessageTree.parse(retour).text("Header/BerichtIdentificatie/Dagtekening")).as(describe(stap))
                .isEqualTo(stap.dagtekening().toString());
        awaitSteps(stap, (String) answer.get("identificatie"), "retour-verzonden");
    }

    /**
     * A declaratie that passes the gateway's checks is the back office's to answer: it grants it in full with its own
     * 325, which the gateway sends as dropped and which settles the 323. A second answer to it is refused.
     */
    private void answeredByBackOffice(Stap stap, byte[] declaratie) {
        String type = scenario.type(stap);
        assertThat(answers(type, stap.identificatie())).as(describe(stap) + ": the gateway leaves the 325 to the back office").isEmpty();
        awaitDeadline(stap, type, stap.identificatie(), false);
        String antwoordId = "A" + stap.identificatie();
        byte[] antwoord = ScenarioMessages.acceptance(scenario, stap, declaratie, antwoordId);
        RunningGateway.drop(gateway.epdUit(), antwoordId + ".xml", antwoord);

        Path out = gateway.vecozoUit().resolve(retourType(stap) + "_" + scenario.ontvanger(stap) + "_" + antwoordId + ".xml");
        await().atMost(WAIT).until(() -> Files.exists(out));
        assertThat(out).as(describe(stap)).hasBinaryContent(antwoord);
        assertOfficiallyValid(antwoord, stap);
        await().atMost(WAIT).until(() -> gateway.state(type, stap.identificatie()).equals(stap.verwacht().status()));
        awaitDeadline(stap, type, stap.identificatie(), true);
        awaitSteps(stap, antwoordId, "ontvangen", "gevalideerd", "verzonden");

        String tweedeId = antwoordId + "-2";
        RunningGateway.drop(gateway.epdUit(), tweedeId + ".xml", ScenarioMessages.acceptance(scenario, stap, declaratie, tweedeId));
        await().atMost(WAIT).until(() -> RunningGateway.files(gateway.fout()).stream().anyMatch(f -> f.toString().endsWith(tweedeId + ".xml.reden.txt")));
        assertThat(RunningGateway.files(gateway.fout())).filteredOn(f -> f.toString().endsWith(tweedeId + ".xml.reden.txt")).singleElement()
                .as(describe(stap) + ": a second 325 is refused").satisfies(f -> assertThat(f).content().contains("NO_HEENBERICHT", "answered already"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> answers(String type, String identificatie) {
        return (List<Map<String, Object>>) gateway.message(type, identificatie).get("answers");
    }

    /** A wrong variant of a step the gateway receives gets the RetourCode the scenario names, and is not handed over. */
    private void refused(Stap stap, WrongVariants variant) {
        String type = scenario.type(stap);
        String id = variant.stap().identificatie();
        String what = describe(stap) + ", fout: " + variant.wat();
        byte[] message = ScenarioMessages.of(scenario, variant.stap());
        RunningGateway.drop(gateway.vecozoIn(), id + "-fout-" + stap.nr() + ".xml", message);

        String rejected = variant.rejectedState();
        await().atMost(WAIT).until(() -> gateway.state(type, id).equals(rejected));
        Map<String, Object> answer = answers(type, id).get(0);
        assertThat(answer.get("type")).as(what).isEqualTo(retourType(stap));
        byte[] retour = RunningGateway.bytes(gateway.vecozoUit().resolve(answer.get("type") + "_" + scenario.ontvanger(stap) + "_" + answer.get("identificatie")
                + ".xml"));
        assertOfficiallyValid(retour, stap);
        assertThat(MessageTree.parse(retour).descendants("RetourCode")).as(what).extracting(MessageTree::text).contains(variant.retourCode());
        assertThat(MessageTree.parse(retour).descendants("Bsn")).as(what + ": the refused class is the scenario's client's").extracting(MessageTree::text)
                .containsOnly(scenario.client().bsn());
        assertThat(gateway.epdIn().resolve(type + "_" + scenario.afzender(stap) + "_" + id + ".xml")).as(what + ": not handed over").doesNotExist();
        awaitSteps(stap, (String) answer.get("identificatie"), "retour-verzonden");
    }

    /**
     * Another message under an Identificatie the gateway sent already is refused by the gateway itself, with TR056 and
     * the RetourCode 9056 the receiver would give it named in its fout reason; what was sent stays as it was.
     */
    private void refusedBeforeSending(Stap stap, WrongVariants variant) {
        String type = scenario.type(stap);
        String file = stap.identificatie() + "-opnieuw.xml";
        RunningGateway.drop(gateway.epdUit(), file, ScenarioMessages.of(scenario, variant.stap()));

        Path reden = await().atMost(WAIT).until(() -> RunningGateway.files(gateway.fout()).stream().filter(f -> f.toString().endsWith(file + ".reden.txt"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(reden).as(describe(stap) + ", fout: " + variant.wat()).content().startsWith("DUPLICATE\n").contains("TR056",
                "RetourCode " + variant.retourCode(), "with other content");
        assertThat(gateway.vecozoUit().resolve(type + "_" + scenario.afzender(stap) + "_" + stap.identificatie() + ".xml"))
                .hasBinaryContent(ScenarioMessages.of(scenario, stap));
        assertThat(gateway.state(type, stap.identificatie())).isEqualTo(stap.verwacht().status());
    }

    /**
     * The deadline for the step's retour (a 325 within 10 working days, any other within 3) on the message that owes it:
     * open while it is owed, met once it came, in either role.
     */
    @SuppressWarnings("unchecked")
    private void awaitDeadline(Stap stap, String type, String identificatie, boolean met) {
        String kind = stap.bericht().equals("323") ? "DECLARATIE_ANTWOORD" : "RETOUR";
        await().pollDelay(Duration.ZERO).atMost(WAIT).untilAsserted(() -> assertThat((List<Map<String, Object>>) gateway.message(type, identificatie)
                .get("deadlines")).as(describe(stap) + ": deadline " + kind + (met ? " met" : " open")).anySatisfy(d -> {
                    assertThat(d).containsEntry("kind", kind);
                    assertThat(d.get("fulfilledAt") != null).isEqualTo(met);
                }));
    }

    private String retourType(Stap stap) {
        return scenario.type(stap).replace(stap.bericht(), stap.verwacht().retour());
    }

    private static void assertOfficiallyValid(byte[] message, Stap stap) {
        if (Files.isDirectory(SharedReference.ROOT.resolve("xsd"))) {
            ValidationResult result = new XsdValidator(new SchemaCatalog(SharedReference.officialXsd()), 25L * 1024 * 1024)
                    .validate(message, "stap-" + stap.nr() + ".xml");
            assertThat(result.issues()).as(result.summary()).isEmpty();
        }
    }

    private String describe(Stap stap) {
        return scenario.naam() + " stap " + stap.nr() + " (" + scenario.type(stap) + " " + stap.identificatie() + ")";
    }
}
