package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.vsp.VspParty;
import nl.berichtenpoort.testsupport.vsp.VspSimulator;
import nl.berichtenpoort.testsupport.vsp.VspWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VSP transport against the simulator, over mutual TLS with certificates made for the test: aanbieder 98025566 is
 * the gateway, gemeente 0384 a party talking to the same simulator with its own certificate. One gateway serves the
 * tests of this class; each uses its own Identificatie.
 */
class VspTransportIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<VspParty.Received> INBOX = new CopyOnWriteArrayList<>();

    @TempDir
    static Path root;
    static VspWorld vsp;
    static VspSimulator simulator;
    static VspParty gemeente;
    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        vsp = VspWorld.start(root.resolve("vsp"));
        simulator = vsp.simulator();
        gemeente = vsp.gemeente();
        gateway = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs(
                "--berichtenpoort.sequencing.enabled=false",
                "--berichtenpoort.vecozo.vsp.read-timeout=1500",
                "--berichtenpoort.outage.delay=200",
                "--berichtenpoort.outage.maximum-delay=800"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        vsp.close();
    }

    @Test
    void aRequestReachesTheGemeenteAndItsRetourIsMatchedByAlsAntwoordOpAndContent() {
        String id = uniqueId();
        drop(gateway.epdUit(), id + ".xml", Fixtures.withIdentity("WMO315", id).getBytes(StandardCharsets.UTF_8));

        VspParty.Received verzoek = awaitReceived(r -> id.equals(r.header().identificatie()));
        assertThat(verzoek.type().name()).isEqualTo("WMO315");
        assertThat(verzoek.payload()).isEqualTo(Fixtures.withIdentity("WMO315", id).getBytes(StandardCharsets.UTF_8));
        VspSimulator.Bericht pushed = simulator.bericht(verzoek.traceerId());
        assertThat(pushed.metadata().path("routeringgegevens").toString()).isEqualTo("{\"afzender\":{\"rol\":\"Instelling\",\"code\":\"98025566\"},"
                + "\"geadresseerden\":[{\"rol\":\"Gemeente\",\"code\":\"0384\"}],\"berichtstroom\":{\"berichttype\":\"WMO315\","
                + "\"berichtversie\":3,\"berichtsubversie\":2,\"actie\":\"Indienen\"}}");
        assertThat(pushed.metadata().path("referentiegegevens").path("referentieId").asText()).isEqualTo("WMO315_98025566_" + id);
        assertThat(pushed.alsAntwoordOp()).isNull();
        assertThat(simulator.requests()).anyMatch(r -> r.method().equals("GET") && r.path().endsWith("rest-pull/v1/berichten")
                && "limit=250".equals(r.query()) && VspWorld.AANBIEDER.equals(r.party()));

        gemeente.accept(verzoek, "R" + id);

        await().atMost(WAIT).until(() -> gateway.state("WMO315", id).equals("GEACCEPTEERD"));
        await().atMost(WAIT).until(() -> "Bezorgd".equals(vspOf("WMO315", id).get("status")));
        assertThat(vspOf("WMO315", id)).containsEntry("traceerId", verzoek.traceerId()).containsEntry("conversatieId", verzoek.conversatieId());
        Map<String, Object> retour = vspOf("WMO316", "R" + id);
        assertThat(retour).containsEntry("conversatieId", verzoek.conversatieId()).containsEntry("alsAntwoordOp", verzoek.traceerId());
        assertThat(gateway.auditEvents()).anySatisfy(e -> assertThat(e).containsEntry("step", "vecozo-status").containsEntry("outcome", "Bezorgd")
                .containsEntry("berichtIdentificatie", Map.of("identificatie", id, "dagtekening", "2025-02-14")));
    }

    @Test
    void aToewijzingFromTheGemeenteIsAnsweredWithARetourInItsConversation() {
        String id = uniqueId();
        String traceerId = gemeente.send(Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity("JW301", id)).getBytes(StandardCharsets.UTF_8),
                VspWorld.AANBIEDER);

        VspParty.Received retour = awaitReceived(r -> r.type().name().equals("JW302") && id.equals(r.header().identificatie()));
        assertThat(retour.alsAntwoordOp()).isEqualTo(traceerId);
        assertThat(retour.conversatieId()).isEqualTo(simulator.bericht(traceerId).conversatieId());
        // the retour goes out before the toewijzing is handed over, so the hand-over is awaited
        await().atMost(WAIT).until(() -> Files.exists(gateway.epdIn().resolve("JW301_0384_" + id + ".xml")));
        assertThat(vspOf("JW301", id)).containsEntry("traceerId", traceerId);
        await().atMost(WAIT).until(() -> simulator.bericht(traceerId).status().equals("Bezorgd"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetourWhoseAlsAntwoordOpNamesAnotherMessageDecidesNothing() {
        String id = uniqueId();
        drop(gateway.epdUit(), id + ".xml", Fixtures.withIdentity("JW315", id).getBytes(StandardCharsets.UTF_8));
        VspParty.Received verzoek = awaitReceived(r -> id.equals(r.header().identificatie()));
        String other = gemeente.send(Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity("JW301", uniqueId())).getBytes(StandardCharsets.UTF_8),
                VspWorld.AANBIEDER);

        gemeente.accept(new VspParty.Received(other, verzoek.conversatieId(), null, verzoek.payload(), verzoek.type(), verzoek.header()),
                "R" + id);

        Map<String, Object> entry = deadLetter(e -> ("R" + id).equals(e.get("identificatie")));
        assertThat(entry).containsEntry("problem", "ONBEKENDE_HEENBERICHT");
        assertThat((String) entry.get("reason")).contains("its AlsAntwoordOp " + other + " is not the TraceerId of that message ("
                + verzoek.traceerId() + ")");
        assertThat(gateway.state("JW315", id)).isEqualTo("VERZONDEN");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 422})
    void aRefusalWhenSendingIsFinalAndGoesToFoutWithVecozosReason(int status) {
        String id = uniqueId();
        int pushesBefore = pushes();
        simulator.answerNextPushes(status, 1);

        drop(gateway.epdUit(), id + ".xml", Fixtures.withIdentity("WMO317", id).getBytes(StandardCharsets.UTF_8));

        Map<String, Object> entry = deadLetter(e -> id.equals(e.get("identificatie")));
        assertThat(entry).containsEntry("problem", "REFUSED_BY_VECOZO").containsEntry("kind", "FOUT");
        assertThat((String) entry.get("reason")).contains("VSP push answered HTTP " + status).contains("Door de test gekozen antwoord " + status)
                .contains("VECOZO asks not to send it again");
        assertThat(gateway.state("WMO317", id)).isEqualTo("FOUT");
        assertThat(pushes() - pushesBefore).isEqualTo(1);
        assertThat(simulator.received()).noneMatch(b -> id.equals(b.identificatie()));
    }

    @Test
    void aVspThatIsUnavailableForAWhileGetsTheMessageOnceItIsBack() {
        String id = uniqueId();
        simulator.unavailableFor(Duration.ofSeconds(3));

        drop(gateway.epdUit(), id + ".xml", Fixtures.withIdentity("JW317", id).getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> gateway.state("JW317", id).equals("VERZONDEN"));
        assertThat(simulator.requests()).anyMatch(r -> r.path().endsWith("rest-push/v1/berichten") && r.status() == 503);
        assertThat(simulator.received()).filteredOn(b -> id.equals(b.identificatie())).hasSize(1);
        assertThat(gateway.message("JW317", id).get("history").toString()).doesNotContain("FOUT");
    }

    @Test
    void anAnswerThatComesTooLateDoesNotMakeTheGatewaySendTwice() {
        String id = uniqueId();
        simulator.answerSlowly(Duration.ofSeconds(4), 1);

        drop(gateway.epdUit(), id + ".xml", Fixtures.withIdentity("WMO315", id).getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> gateway.state("WMO315", id).equals("VERZONDEN"));
        assertThat(simulator.received()).filteredOn(b -> id.equals(b.identificatie())).hasSize(1);
        String traceerId = (String) vspOf("WMO315", id).get("traceerId");
        assertThat(simulator.requests()).anyMatch(r -> r.path().endsWith("/berichtstatussen") && r.status() == 200);
        assertThat(gateway.getText("/api/berichten?identificatie=" + id)).contains("VERZONDEN");
        assertThat(awaitReceived(r -> id.equals(r.header().identificatie())).traceerId()).isEqualTo(traceerId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPayloadThatFailsItsChecksumIsReportedOnceAndNeitherProcessedNorConfirmed() throws InterruptedException {
        String id = uniqueId();
        simulator.corruptNextPayloads(1000);
        String traceerId = gemeente.send(Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity("WMO301", id)).getBytes(StandardCharsets.UTF_8),
                VspWorld.AANBIEDER);
        String name = "vsp-" + traceerId + ".xml";

        Map<String, Object> entry = deadLetter(e -> name.equals(e.get("fileName")));
        assertThat(entry).containsEntry("problem", "PAYLOAD_CORRUPT").containsEntry("status", "OPEN");
        assertThat((String) entry.get("reason")).contains("VECOZO announced").contains("not processed and not confirmed");
        Thread.sleep(1500);
        assertThat(simulator.queue(VspWorld.AANBIEDER)).contains(traceerId);
        assertThat(gateway.epdIn().resolve("WMO301_0384_" + id + ".xml")).doesNotExist();
        assertThat(gateway.getText("/api/berichten?identificatie=" + id)).isEqualTo("[]");
        assertThat(((List<Map<String, Object>>) gateway.getJson("/api/dead-letters"))).filteredOn(e -> name.equals(e.get("fileName"))).hasSize(1);

        simulator.corruptNextPayloads(0);

        await().atMost(WAIT).until(() -> !simulator.queue(VspWorld.AANBIEDER).contains(traceerId));
        assertThat(gateway.epdIn().resolve("WMO301_0384_" + id + ".xml")).exists();
        assertThat(deadLetter(e -> name.equals(e.get("fileName")))).containsEntry("status", "GESLOTEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessageTheDienstRefusesIsAfgekeurdDoorDienstWithItsCodeExplainedAndCanBeResent() {
        String id = uniqueId();
        simulator.refuse(id, "BRS13");

        drop(gateway.epdUit(), id + ".xml", Fixtures.withIdentity("JW315", id).getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> gateway.state("JW315", id).equals("AFGEKEURD_DOOR_DIENST"));
        Map<String, Object> entry = deadLetter(e -> id.equals(e.get("identificatie")));
        assertThat(entry).containsEntry("kind", "AFKEUR").containsEntry("problem", "AFGEKEURD_DOOR_DIENST");
        assertThat((String) entry.get("reason")).contains("was refused by VECOZO (AfgekeurdDoorDienst) and not passed on")
                .contains("BRS13 Het bericht is niet XSD-valide").contains("not valid against the XSD");
        assertThat(vspOf("JW315", id)).containsEntry("status", "AfgekeurdDoorDienst");
        assertThat((List<Map<String, Object>>) gateway.message("JW315", id).get("deadlines")).allSatisfy(d -> assertThat(d.get("fulfilledAt")).isNotNull());
        assertThat(simulator.queue(VspWorld.GEMEENTE)).noneMatch(t -> id.equals(simulator.bericht(t).identificatie()));

        HttpResponse<String> resent = gateway.post("/api/dead-letters/" + entry.get("id") + "/opnieuw-verzenden", "application/xml", new byte[0]);

        assertThat(resent.statusCode()).isEqualTo(200);
        String newId = (String) ((Map<String, Object>) RunningGateway.parseJson(resent.body())).get("identificatie");
        assertThat(awaitReceived(r -> newId.equals(r.header().identificatie())).type().name()).isEqualTo("JW315");
    }

    /** Collects what waits for the gemeente until a message matches; keeps the rest for other tests. */
    private static VspParty.Received awaitReceived(Predicate<VspParty.Received> wanted) {
        return await().atMost(WAIT).until(() -> {
            INBOX.addAll(gemeente.receiveAll());
            return INBOX.stream().filter(wanted).findFirst().orElse(null);
        }, r -> r != null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vspOf(String type, String identificatie) {
        return (Map<String, Object>) gateway.message(type, identificatie).get("vsp");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadLetter(Predicate<Map<String, Object>> wanted) {
        return await().atMost(WAIT).until(() -> ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters")).stream()
                .filter(wanted).findFirst().orElse(null), e -> e != null);
    }

    private static int pushes() {
        return (int) simulator.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("rest-push/v1/berichten")).count();
    }

    private static String uniqueId() {
        return "VS" + System.currentTimeMillis() % 100_000 + "-" + SEQUENCE.incrementAndGet();
    }
}
