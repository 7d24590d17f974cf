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
import java.util.concurrent.atomic.AtomicInteger;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.GemeenteSimulator;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequencing (on, as by default) and what an operator does with dead letters. Each test uses a client of its own, so
 * the order of one test's messages does not depend on another's.
 */
class SequencingAndOperatorIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<String> BSNS = List.of("999990032", "999990044", "999990056", "999990068", "999990081");

    @TempDir
    static Path root;
    static RunningGateway gateway;
    static GemeenteSimulator gemeente;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(root);
        gemeente = new GemeenteSimulator(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aStopDroppedTogetherWithItsStartLeavesOnlyAfterTheRetourAcceptsTheStart() {
        String bsn = BSNS.get(0);
        String start = id();
        String stop = id();
        drop(gateway.epdUit(), "a-start.xml", message("WMO305", start, bsn));
        drop(gateway.epdUit(), "b-stop.xml", message("WMO307", stop, bsn));

        awaitState("WMO305", start, "VERZONDEN");
        awaitState("WMO307", stop, "WACHT_OP_VOORGANGER");
        assertThat(Files.exists(gateway.vecozoUit().resolve("WMO307_98025566_" + stop + ".xml"))).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.stepsOf(stop)).containsExactly("ontvangen", "gevalideerd", "wacht-op-voorganger"));

        gemeente.accept("WMO305", start);

        awaitState("WMO307", stop, "VERZONDEN");
        assertThat(gateway.vecozoUit().resolve("WMO307_98025566_" + stop + ".xml")).hasBinaryContent(message("WMO307", stop, bsn));
        await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.stepsOf(stop)).contains("verzonden"));
    }

    @Test
    void aStopWhoseStartIsRejectedGoesToAfkeurWithAClearReasonInsteadOfToVecozo() {
        String bsn = BSNS.get(1);
        String start = id();
        String stop = id();
        drop(gateway.epdUit(), "c-start.xml", message("WMO305", start, bsn));
        awaitState("WMO305", start, "VERZONDEN");
        drop(gateway.epdUit(), "d-stop.xml", message("WMO307", stop, bsn));
        awaitState("WMO307", stop, "WACHT_OP_VOORGANGER");

        gemeente.rejectClass("WMO305", start, "StartProduct", "9019");

        awaitState("WMO307", stop, "IN_AFKEUR");
        Map<String, Object> entry = deadLetter(stop);
        assertThat(entry).containsEntry("problem", "VOORGANGER_AFGEKEURD").containsEntry("origin", "UIT");
        assertThat((String) entry.get("reason")).startsWith("WMO307 " + stop + " is not sent: it follows WMO305 " + start + ", which was rejected")
                .contains("9019");
        assertThat(Files.exists(gateway.vecozoUit().resolve("WMO307_98025566_" + stop + ".xml"))).isFalse();
    }

    @Test
    void aStopFollowsItsAcceptedStartEvenWhenTheSameStartWasSentAgainAndRejected() {
        String bsn = "999990111";
        String start = id();
        drop(gateway.epdUit(), "j-start.xml", message("WMO305", start, bsn));
        awaitState("WMO305", start, "VERZONDEN");
        gemeente.accept("WMO305", start);
        awaitState("WMO305", start, "GEACCEPTEERD");
        String again = id();
        drop(gateway.epdUit(), "k-start-opnieuw.xml", message("WMO305", again, bsn));
        awaitState("WMO305", again, "VERZONDEN");
        gemeente.rejectClass("WMO305", again, "StartProduct", "9074");
        awaitState("WMO305", again, "AFGEKEURD");
        String stop = id();

        drop(gateway.epdUit(), "l-stop.xml", message("WMO307", stop, bsn));

        awaitState("WMO307", stop, "VERZONDEN");
        assertThat(gateway.vecozoUit().resolve("WMO307_98025566_" + stop + ".xml")).hasBinaryContent(message("WMO307", stop, bsn));
    }

    @Test
    void aStartThatWithdrawsAnEarlierStartWaitsForItsRetourToo() {
        String bsn = "999990093";
        String start = id();
        drop(gateway.epdUit(), "h-start.xml", message("WMO305", start, bsn));
        awaitState("WMO305", start, "VERZONDEN");
        String withdraw = id();

        drop(gateway.epdUit(), "i-intrekking.xml", new String(message("WMO305", withdraw, bsn), StandardCharsets.UTF_8)
                .replace("<wmo305:StatusAanlevering>1<", "<wmo305:StatusAanlevering>3<").getBytes(StandardCharsets.UTF_8));

        awaitState("WMO305", withdraw, "WACHT_OP_VOORGANGER");
        gemeente.accept("WMO305", start);
        awaitState("WMO305", withdraw, "VERZONDEN");
    }

    @Test
    void aStopForAnotherClientDoesNotWait() {
        String start = id();
        drop(gateway.epdUit(), "e-start.xml", message("WMO305", start, BSNS.get(2)));
        awaitState("WMO305", start, "VERZONDEN");
        String stop = id();

        drop(gateway.epdUit(), "f-stop.xml", message("WMO307", stop, BSNS.get(3)));

        awaitState("WMO307", stop, "VERZONDEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorResendsACorrectedMessageUnderANewIdentificatieAndTheResendIsAudited() {
        String bsn = BSNS.get(4);
        String start = id();
        drop(gateway.epdUit(), "g-start.xml", message("WMO305", start, bsn));
        awaitState("WMO305", start, "VERZONDEN");
        gemeente.rejectClass("WMO305", start, "StartProduct", "9019");
        awaitState("WMO305", start, "AFGEKEURD");
        Map<String, Object> entry = await().atMost(WAIT).until(() -> entryFor(start), e -> e != null);
        long entryId = ((Number) entry.get("id")).longValue();
        Map<String, Object> detail = (Map<String, Object>) gateway.getJson("/api/dead-letters/" + entryId);
        assertThat((String) detail.get("original")).contains("<iwmo:Identificatie>" + start + "</iwmo:Identificatie>");
        assertThat((List<Map<String, Object>>) detail.get("history")).extracting(h -> h.get("state"))
                .containsExactly("ONTVANGEN", "VERZONDEN", "AFGEKEURD");
        String corrected = ((String) detail.get("original")).replace("<wmo305:StatusAanlevering>3</wmo305:StatusAanlevering>",
                "<wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>");

        HttpResponse<String> resent = gateway.post("/api/dead-letters/" + entryId + "/opnieuw-verzenden", "application/xml",
                corrected.getBytes(StandardCharsets.UTF_8));

        assertThat(resent.statusCode()).isEqualTo(200);
        Map<String, Object> answer = (Map<String, Object>) RunningGateway.parseJson(resent.body());
        String newId = (String) answer.get("identificatie");
        assertThat(newId).matches("BP\\d{10}").isNotEqualTo(start);
        awaitState("WMO305", newId, "VERZONDEN");
        MessageTree sent = MessageTree.parse(gemeente.sent("WMO305", newId));
        assertThat(sent.text("Header/BerichtIdentificatie/Dagtekening")).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString());
        assertThat(sent.all("Client/StartProducten/StartProduct")).extracting(p -> p.text("StatusAanlevering")).containsOnly("1");
        Map<String, Object> handled = (Map<String, Object>) gateway.getJson("/api/dead-letters/" + entryId);
        assertThat((Map<String, Object>) handled.get("entry")).containsEntry("status", "OPNIEUW_VERZONDEN")
                .containsEntry("handledBy", RunningGateway.ADMIN);
        assertThat(gateway.auditEvents()).anySatisfy(e -> assertThat(e).containsEntry("step", "opnieuw-verzonden")
                .containsEntry("operator", RunningGateway.ADMIN));
        assertThat(gateway.post("/api/dead-letters/" + entryId + "/opnieuw-verzenden", "application/xml", new byte[0]).statusCode())
                .isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorClosesAFoutEntryWithARemarkAndCannotCloseItWithout() {
        drop(gateway.epdUit(), "kapot.xml", "geen xml".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> entry = await().atMost(WAIT).until(() -> ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters?soort=FOUT"))
                .stream().filter(e -> "kapot.xml".equals(e.get("fileName"))).findFirst().orElse(null), e -> e != null);
        long entryId = ((Number) entry.get("id")).longValue();
        assertThat(entry).containsEntry("problem", "NOT_WELL_FORMED").containsEntry("origin", "UIT");

        assertThat(gateway.post("/api/dead-letters/" + entryId + "/sluiten", "application/json", "{}".getBytes()).statusCode()).isEqualTo(400);
        HttpResponse<String> closed = gateway.post("/api/dead-letters/" + entryId + "/sluiten", "application/json",
                "{\"opmerking\":\"testbestand van de leverancier, hoort niet bij het berichtenverkeer\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat((Map<String, Object>) RunningGateway.parseJson(closed.body())).containsEntry("status", "GESLOTEN")
                .containsEntry("remark", "testbestand van de leverancier, hoort niet bij het berichtenverkeer");
        assertThat((List<Map<String, Object>>) gateway.getJson("/api/dead-letters?status=OPEN"))
                .noneMatch(e -> ((Number) e.get("id")).longValue() == entryId);
        assertThat(gateway.auditEvents()).anySatisfy(e -> assertThat(e).containsEntry("step", "gesloten"));
    }

    private static byte[] message(String type, String id, String bsn) {
        return Fixtures.withIdentity(type, id).replace(">999990019<", ">" + bsn + "<").getBytes(StandardCharsets.UTF_8);
    }

    private static String id() {
        return "SQ" + System.currentTimeMillis() % 100_000 + "-" + SEQUENCE.incrementAndGet();
    }

    private static void awaitState(String type, String id, String state) {
        await().atMost(WAIT).until(() -> state.equals(gateway.state(type, id)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entryFor(String identificatie) {
        return ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters")).stream()
                .filter(e -> ((String) e.get("reason")).contains(identificatie)).findFirst().orElse(null);
    }

    private static Map<String, Object> deadLetter(String identificatie) {
        return await().atMost(WAIT).until(() -> entryFor(identificatie), e -> e != null);
    }
}
