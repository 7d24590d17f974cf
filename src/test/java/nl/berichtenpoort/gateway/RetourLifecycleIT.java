package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.GemeenteSimulator;
import nl.berichtenpoort.testsupport.MutableClock;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Full cycles of an aanbieder gateway against gemeente 0384 played by the test: every heenbericht we send answered
 * with acceptance, with afkeur at each of its classes, with a 325 that rejects some prestaties, or not at all (the
 * deadline passes on a clock the test moves); and the toewijzingen and antwoordberichten we receive answered with our
 * own retour. States, deadlines and dead letters are read through the operator API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetourLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Monday 23 November 2026: a retour is due on Thursday the 26th. */
    private static final MutableClock CLOCK = new MutableClock(LocalDate.of(2026, 11, 23));

    @TempDir
    static Path root;
    static RunningGateway gateway;
    static GemeenteSimulator gemeente;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(root, CLOCK, "--berichtenpoort.deadlines.check-interval=200", "--berichtenpoort.sequencing.enabled=false");
        gemeente = new GemeenteSimulator(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    @Order(1)
    void aStartAcceptedByItsRetourIsGeaccepteerdAndItsDeadlineMet() {
        String id = send("WMO305");
        assertThat(gateway.state("WMO305", id)).isEqualTo("VERZONDEN");
        assertThat(deadlines("WMO305", id)).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("kind", "RETOUR").containsEntry("due", "2026-11-26");
            assertThat(d.get("fulfilledBy")).isNull();
        });

        String retour = gemeente.accept("WMO305", id);

        awaitState("WMO305", id, "GEACCEPTEERD");
        assertThat(deadlines("WMO305", id)).singleElement().satisfies(d -> assertThat(d.get("fulfilledBy")).isNotNull());
        assertThat(history("WMO305", id)).containsExactly("ONTVANGEN", "VERZONDEN", "GEACCEPTEERD");
        await().atMost(WAIT).until(() -> Files.exists(gateway.epdIn().resolve("WMO306_0384_" + retour + ".xml")));
        assertThat(gateway.state("WMO306", retour)).isEqualTo("AFGELEVERD");
    }

    @ParameterizedTest(name = "{0} rejected at {1} with {2}")
    @CsvSource({"WMO305,Header,0001", "WMO305,Client,9019", "WMO305,StartProduct,9019", "WMO307,StopProduct,9069",
                "WMO315,AangevraagdProduct,9347", "WMO315,Client,9374", "WMO317,Verzoek,9374", "WMO317,OngewijzigdProduct,9350",
                "WMO317,TeWijzigenProduct,9351", "WMO317,NieuwProduct,9361", "JW305,StartProduct,9019", "JW317,Verzoek,9374"})
    @Order(2)
    void aRetourRejectingAClassMakesTheHeenberichtAfgekeurdWithItsCodesAndPutsItInAfkeur(String type, String berichtklasse, String code) {
        String id = send(type);

        String retour = berichtklasse.equals("Header") ? gemeente.rejectHeader(type, id) : gemeente.rejectClass(type, id, berichtklasse, code);

        awaitState(type, id, "AFGEKEURD");
        String codes = (String) gateway.message(type, id).get("retourCodes");
        assertThat(codes).contains("- " + code + " ").contains(berichtklasse + ",").doesNotContain("0200 ");
        Map<String, Object> entry = deadLetter(retour);
        assertThat(entry).containsEntry("kind", "AFKEUR").containsEntry("problem", "AFGEKEURD").containsEntry("status", "OPEN");
        assertThat((String) entry.get("reason")).contains("rejects " + type + " " + id);
        assertThat(Path.of((String) entry.get("copy")).resolve("heenbericht.xml")).hasBinaryContent(gemeente.sent(type, id));
        assertThat(gateway.state(type.replaceAll("\\d+$", "") + (Integer.parseInt(type.replaceAll("\\D", "")) + 1), retour)).isEqualTo("IN_AFKEUR");
    }

    @Test
    @Order(3)
    void aDeclaratieIsGeaccepteerdDeelsToegekendOrAfgewezenByItsDeclaratieAntwoord() {
        String granted = send("WMO323");
        String partly = send("WMO323");
        String whole = send("WMO323");
        assertThat(deadlines("WMO323", granted)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("kind", "DECLARATIE_ANTWOORD").containsEntry("due", "2026-12-07"));

        gemeente.declaratieAntwoord("WMO323", granted, Set.of(), null, false);
        String partlyAnswer = gemeente.declaratieAntwoord("WMO323", partly, Set.of("P-2025-03-0003"), "9338", false);
        gemeente.declaratieAntwoord("WMO323", whole, Set.of(), null, true);

        awaitState("WMO323", granted, "GEACCEPTEERD");
        awaitState("WMO323", partly, "DEELS_TOEGEKEND");
        awaitState("WMO323", whole, "AFGEWEZEN");
        assertThat((String) gateway.message("WMO323", partly).get("retourCodes"))
                .contains("- 9338 ").contains("[prestatie: Prestatie, Bsn *****0020, ReferentieNummer P-2025-03-0003");
        assertThat(deadLetter(partlyAnswer)).containsEntry("problem", "AFGEKEURD");
    }

    @Test
    @Order(4)
    void aVerzoekOmToewijzingIsAnsweredByAToewijzingThatWeAcceptWithOurOwn302() {
        String referentie = "VOT-" + SEQUENCE.incrementAndGet();
        String verzoek = sendWith("WMO315", s -> s.replace("VOT-2025-0042", referentie));
        gemeente.accept("WMO315", verzoek);
        awaitState("WMO315", verzoek, "GEACCEPTEERD");
        assertThat(deadlines("WMO315", verzoek)).extracting(d -> d.get("kind")).containsExactly("RETOUR", "ANTWOORD");

        String toewijzing = gemeente.toewijzing("WMO301", referentie);

        awaitState("WMO301", toewijzing, "GEACCEPTEERD");
        await().atMost(WAIT).until(() -> Files.exists(gateway.epdIn().resolve("WMO301_0384_" + toewijzing + ".xml")));
        assertThat(deadlines("WMO315", verzoek)).allSatisfy(d -> assertThat(d.get("fulfilledBy")).isNotNull());
        MessageTree retour = ourRetour("WMO301", toewijzing);
        assertThat(retour.text("Header/BerichtCode")).isEqualTo("415");
        assertThat(retour.text("Header/BerichtIdentificatie/Identificatie")).isEqualTo(toewijzing);
        assertThat(retour.text("Header/IdentificatieRetour")).matches("BP\\d{10}");
        assertThat(retour.text("Header/DagtekeningRetour")).isEqualTo("2026-11-23");
        assertThat(retour.text("Header/XsltVersie")).isEqualTo("1.0.0");
        assertThat(retour.descendants("RetourCode")).isEmpty();
        assertThat(retour.children()).extracting(MessageTree::name).containsExactly("Header");
    }

    @Test
    @Order(5)
    void aVerzoekOmWijzigingIsAnsweredByAnAntwoordberichtThatWeAcceptWithOurOwn320() {
        String referentie = "VOW-" + SEQUENCE.incrementAndGet();
        String verzoek = sendWith("JW317", s -> s.replace("VOW-2025-0007", referentie));
        gemeente.accept("JW317", verzoek);

        String antwoord = gemeente.antwoord("JW319", referentie);

        awaitState("JW319", antwoord, "GEACCEPTEERD");
        await().atMost(WAIT).until(() -> deadlines("JW317", verzoek).stream().allMatch(d -> d.get("fulfilledBy") != null));
        MessageTree retour = ourRetour("JW319", antwoord);
        assertThat(retour.text("Header/BerichtCode")).isEqualTo("489");
        assertThat(retour.descendants("RetourCode")).isEmpty();
    }

    @Test
    @Order(6)
    void aToewijzingBreakingAMessageLevelRuleIsRejectedWithAHeaderOnly302With0001AndGoesToAfkeurWithIt() {
        String id = "GM-BSN-" + SEQUENCE.incrementAndGet();
        drop(gateway.vecozoIn(), "toewijzing-" + id + ".xml", Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity("WMO301", id))
                .replace(">999990019<", ">999990018<").getBytes(StandardCharsets.UTF_8));

        awaitState("WMO301", id, "AFGEKEURD");
        MessageTree retour = ourRetour("WMO301", id);
        assertThat(retour.children()).extracting(MessageTree::name).containsExactly("Header");
        assertThat(retour.text("Header/RetourCodes/RetourCode")).isEqualTo("0001");
        assertThat(retour.text("Header/XsltVersie")).isEqualTo("1.0.0");
        Map<String, Object> entry = deadLetter(id);
        assertThat(entry).containsEntry("problem", "AFGEKEURD_DOOR_ONS");
        assertThat((String) entry.get("reason")).contains("CS002 (0001) /Bericht/Client: Bsn *****0018 does not pass the 11-proef")
                .doesNotContain("999990018");
        assertThat(Path.of((String) entry.get("copy")).resolve("retour.xml")).exists();
        assertThat(files(gateway.epdIn())).noneMatch(p -> p.toString().contains(id));
    }

    @Test
    @Order(7)
    void aToewijzingNamingARequestWeNeverSentGets9379OnThatProductAnd0200Elsewhere() {
        String id = gemeente.toewijzing("JW301", "VOT-ONBEKEND");

        awaitState("JW301", id, "AFGEKEURD");
        MessageTree retour = ourRetour("JW301", id);
        assertThat(retour.text("Header/RetourCodes/RetourCode")).isEqualTo("0200");
        assertThat(retour.text("Client/RetourCodes/RetourCode")).isEqualTo("0200");
        assertThat(retour.all("Client/ToegewezenProducten/ToegewezenProduct")).extracting(p -> p.text("RetourCodes/RetourCode"))
                .containsExactly("9379", "0200", "0200");
    }

    @Test
    @Order(8)
    void aHeenberichtWithoutRetourBecomesRetourTeLaatAfterThreeWorkingDaysAndIsListedUntilTheRetourComes() {
        String id = send("WMO307");
        CLOCK.setDay(LocalDate.of(2026, 11, 26));
        assertThat(gateway.state("WMO307", id)).isEqualTo("VERZONDEN");

        CLOCK.setDay(LocalDate.of(2026, 11, 27));

        awaitState("WMO307", id, "RETOUR_TE_LAAT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) gateway.getJson("/api/termijnen/te-laat");
        assertThat(overdue).anySatisfy(row -> assertThat(row).containsEntry("identificatie", id).containsEntry("kind", "RETOUR")
                .containsEntry("due", "2026-11-26").containsEntry("state", "RETOUR_TE_LAAT"));
        assertThat(gateway.getText("/api/termijnen/te-laat.csv")).startsWith("messageId;type;identificatie;dagtekening;receiver;kind;due;lateSince;state")
                .contains(";WMO307;" + id + ";2025-04-02;0384;RETOUR;2026-11-26;");
        assertThat(gateway.stepsOf(id)).isNotEmpty();
        assertThat(gateway.auditEvents()).anySatisfy(e -> assertThat(e).containsEntry("step", "retour-te-laat")
                .containsEntry("berichtIdentificatie", Map.of("identificatie", id, "dagtekening", "2025-04-02")));
        assertThat(gateway.getText("/actuator/prometheus")).containsPattern("berichtenpoort_termijnen_te_laat_total [1-9]");

        gemeente.accept("WMO307", id);

        awaitState("WMO307", id, "GEACCEPTEERD");
        assertThat(history("WMO307", id)).containsExactly("ONTVANGEN", "VERZONDEN", "RETOUR_TE_LAAT", "GEACCEPTEERD");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> after = (List<Map<String, Object>>) gateway.getJson("/api/termijnen/te-laat");
        assertThat(after).noneMatch(row -> id.equals(row.get("identificatie")));
    }

    private static String send(String type) {
        return sendWith(type, s -> s);
    }

    private static String sendWith(String type, java.util.function.UnaryOperator<String> change) {
        String id = "LC" + System.currentTimeMillis() % 100_000 + "-" + SEQUENCE.incrementAndGet();
        drop(gateway.epdUit(), type.toLowerCase() + "-" + id + ".xml", change.apply(Fixtures.withIdentity(type, id)).getBytes(StandardCharsets.UTF_8));
        awaitState(type, id, "VERZONDEN");
        return id;
    }

    private static void awaitState(String type, String id, String state) {
        await().atMost(WAIT).until(() -> state.equals(gateway.state(type, id)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deadlines(String type, String id) {
        return (List<Map<String, Object>>) gateway.message(type, id).get("deadlines");
    }

    @SuppressWarnings("unchecked")
    private static List<String> history(String type, String id) {
        return ((List<Map<String, Object>>) gateway.message(type, id).get("history")).stream().map(h -> (String) h.get("state")).toList();
    }

    /** The retour the gateway made for a message it received, as it went out to VECOZO. */
    @SuppressWarnings("unchecked")
    private static MessageTree ourRetour(String type, String id) {
        await().atMost(WAIT).until(() -> !((List<?>) gateway.message(type, id).get("answers")).isEmpty());
        Map<String, Object> answer = ((List<Map<String, Object>>) gateway.message(type, id).get("answers")).get(0);
        Path file = gateway.vecozoUit().resolve(answer.get("type") + "_98025566_" + answer.get("identificatie") + ".xml");
        await().atMost(WAIT).until(() -> Files.exists(file));
        try {
            return MessageTree.parse(Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadLetter(String identificatie) {
        await().atMost(WAIT).until(() -> ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters")).stream()
                .anyMatch(e -> identificatie.equals(e.get("identificatie"))));
        return ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters")).stream()
                .filter(e -> identificatie.equals(e.get("identificatie"))).findFirst().orElseThrow();
    }
}
