package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end through the real gateway in role aanbieder: every outbound type from the EPD folder to the VECOZO outbox,
 * every inbound type from the VECOZO mailbox to the EPD folder, retours accepted or rejected, with the audit trail
 * read back from the Artemis queue.
 */
class MessageFlowsIT extends SharedGateway {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO305", "WMO307", "WMO315", "WMO317", "WMO323", "JW305", "JW307", "JW315", "JW317", "JW323"})
    void anOutboundMessageReachesTheVecozoOutboxByteIdenticalWithItsAuditTrail(String type) {
        String id = uniqueId();
        byte[] message = Fixtures.withIdentity(type, id).getBytes(StandardCharsets.UTF_8);

        drop(gateway.epdUit(), type.toLowerCase() + "-" + id + ".xml", message);

        Path delivered = gateway.vecozoUit().resolve(type + "_98025566_" + id + ".xml");
        await().atMost(WAIT).until(() -> Files.exists(delivered));
        assertThat(delivered).hasBinaryContent(message);
        await().atMost(WAIT).until(() -> gateway.stepsOf(id).contains("verzonden"));
        assertThat(gateway.stepsOf(id)).containsExactly("ontvangen", "gevalideerd", "verzonden");
        assertThat(event(id, "verzonden")).containsEntry("type", type).containsEntry("sender", "98025566")
                .containsEntry("routeId", "uitgaand-registreren").containsEntry("outcome", "ok");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO301", "WMO306", "WMO308", "WMO316", "WMO318", "WMO319", "WMO325",
                            "JW301", "JW306", "JW308", "JW316", "JW318", "JW319", "JW325"})
    void anInboundMessageReachesTheEpdFolderByteIdentical(String type) {
        String id = uniqueId();
        String prefix = type.replaceAll("\\d", "");
        String message;
        if (type.endsWith("301") || type.endsWith("319")) {
            send(prefix + (type.endsWith("301") ? "315" : "317"));
            message = Fixtures.withIdentity(type, id);
        } else {
            String heenType = prefix + HEEN_OF.get(type.substring(type.length() - 3));
            message = Fixtures.answering(Fixtures.accepting(Fixtures.withIdentity(type, id)), send(heenType));
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);

        drop(gateway.vecozoIn(), type.toLowerCase() + "-" + id + ".xml", bytes);

        Path delivered = gateway.epdIn().resolve(type + "_0384_" + id + ".xml");
        await().atMost(WAIT).until(() -> Files.exists(delivered));
        assertThat(delivered).hasBinaryContent(bytes);
        boolean retour = !type.endsWith("301") && !type.endsWith("319");
        String last = retour ? "geaccepteerd" : "afgeleverd";
        await().atMost(WAIT).until(() -> gateway.stepsOf(id).contains(last));
        assertThat(gateway.stepsOf(id)).containsExactlyElementsOf(retour
                ? List.of("ontvangen", "gevalideerd", "retour-ontvangen", "geaccepteerd")
                : List.of("ontvangen", "gevalideerd", "afgeleverd"));
        assertThat(event(id, "gevalideerd")).containsEntry("receiver", "98025566").containsEntry("routeId", "inkomend");
    }

    private static final Map<String, String> HEEN_OF = Map.of("306", "305", "308", "307", "316", "315", "318", "317", "325", "323");

    /** Sends a heenbericht of ours under a new Identificatie, waits until it is out, and returns that Identificatie. */
    static String send(String type) {
        String id = uniqueId();
        drop(gateway.epdUit(), type.toLowerCase() + "-" + id + ".xml", Fixtures.withIdentity(type, id).getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> gateway.stepsOf(id).contains("verzonden"));
        return id;
    }

    /** The gateway answers a toewijzing itself; the same answer from the EPD would be a second 302 for one message. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO", "JW"})
    void aRetourTheEpdDropsForAMessageTheGatewayAnsweredIsRefusedAndNotSentTwice(String standard) {
        String id = uniqueId();
        byte[] toewijzing = Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity(standard + "301", id)).getBytes(StandardCharsets.UTF_8);
        drop(gateway.vecozoIn(), "toewijzing-" + id + ".xml", toewijzing);
        await().atMost(WAIT).until(() -> gateway.stepsOf(id).contains("afgeleverd"));
        String retourId = uniqueId();
        String retour = Fixtures.answering(Fixtures.withIdentity(standard + "302", retourId), id);

        drop(gateway.epdUit(), "retour-" + retourId + ".xml", retour.getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> gateway.stepsOf("retour-" + retourId + ".xml").contains("fout"));
        Map<String, Object> fout = gateway.browse("berichtenpoort.fout").stream()
                .filter(e -> ("retour-" + retourId + ".xml").equals(e.get("fileName"))).findFirst().orElseThrow();
        assertThat(fout).containsEntry("problem", "NO_HEENBERICHT");
        assertThat((String) fout.get("reason")).contains(standard + "302 " + retourId + " answers " + standard + "301 " + id, "answered already");
        assertThat(files(gateway.vecozoUit())).filteredOn(p -> p.getFileName().toString().startsWith(standard + "302_")
                && RunningGateway.text(p).contains(">" + id + "<")).hasSize(1);
    }

    @Test
    void aRetourWithARejectingProductCodeGoesToAfkeurWithTheHeenberichtItAnswersAndTheReason() throws IOException {
        String heenId = uniqueId();
        drop(gateway.epdUit(), "start-" + heenId + ".xml", Fixtures.withIdentity("WMO305", heenId).getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> gateway.stepsOf(heenId).contains("verzonden"));
        String retourId = uniqueId();
        String retour = Fixtures.answering(Fixtures.withIdentity("WMO306", retourId), heenId)
                .replaceFirst("<wmo306:RetourCode>0200</wmo306:RetourCode>\\s*</wmo306:RetourCodes>\\s*</wmo306:Header>",
                        "<wmo306:RetourCode>0200</wmo306:RetourCode></wmo306:RetourCodes></wmo306:Header>");

        drop(gateway.vecozoIn(), "retour-" + retourId + ".xml", retour.getBytes(StandardCharsets.UTF_8));

        Path entry = awaitAfkeurEntry("WMO306_0384_" + retourId);
        assertThat(entry.resolve("retour.xml")).hasContent(retour);
        assertThat(entry.resolve("heenbericht.xml")).hasContent(Fixtures.withIdentity("WMO305", heenId));
        String reason = Files.readString(entry.resolve("reden.txt"));
        assertThat(reason).startsWith("WMO306 " + retourId + " from 0384 rejects WMO305 " + heenId + " (Dagtekening 2025-03-10):")
                .contains("- 9019 Het regiebericht kan niet gekoppeld worden aan een toewijzing. [product: StartProduct, Bsn *****0019, "
                        + "ToewijzingNummer 123450001, /Bericht/Client/StartProducten/StartProduct]")
                .doesNotContain("999990019");
        await().atMost(WAIT).until(() -> gateway.stepsOf(retourId).contains("afgekeurd"));
        assertThat(gateway.stepsOf(retourId)).containsExactly("ontvangen", "gevalideerd", "retour-ontvangen", "afgekeurd");
        Map<String, Object> queued = queueEntry("berichtenpoort.afkeur", retourId);
        assertThat(queued.get("reason")).isEqualTo(reason.strip());
        assertThat(((Map<?, ?>) queued.get("messages")).get("heenbericht.xml").toString())
                .contains("<iwmo:Identificatie>" + heenId + "</iwmo:Identificatie>");
        assertThat(files(gateway.epdIn())).noneMatch(p -> p.getFileName().toString().contains(retourId));
    }

    @Test
    void aRetourWithACodeOnTheHeaderIsRejectedAsAWhole() throws IOException {
        String heenId = send("JW305");
        String retourId = uniqueId();
        String retour = Fixtures.answering(Fixtures.accepting(Fixtures.withIdentity("JW306", retourId)), heenId)
                .replaceFirst("<jw306:RetourCode>0200</jw306:RetourCode>", "<jw306:RetourCode>0001</jw306:RetourCode>");

        drop(gateway.vecozoIn(), "retour-" + retourId + ".xml", retour.getBytes(StandardCharsets.UTF_8));

        Path entry = awaitAfkeurEntry("JW306_0384_" + retourId);
        assertThat(Files.readString(entry.resolve("reden.txt")))
                .contains("- 0001 Bericht is afgekeurd om technische redenen. [header: Header, /Bericht/Header]");
        assertThat(entry.resolve("heenbericht.xml")).hasContent(Fixtures.withIdentity("JW305", heenId));
    }

    @Test
    void aRetourThatAnswersNothingWeSentGoesToAfkeurAsOnbekendeHeenbericht() throws IOException {
        String retourId = uniqueId();
        String retour = Fixtures.answering(Fixtures.accepting(Fixtures.withIdentity("WMO308", retourId)), "NOOIT-GEZ");

        drop(gateway.vecozoIn(), "retour-" + retourId + ".xml", retour.getBytes(StandardCharsets.UTF_8));

        Path entry = awaitAfkeurEntry("WMO308_0384_" + retourId);
        assertThat(Files.readString(entry.resolve("reden.txt")))
                .contains("answers WMO307 NOOIT-GEZ (Dagtekening 2025-04-02): onbekende heenbericht");
        assertThat(entry.resolve("retour.xml")).hasContent(retour);
        assertThat(files(gateway.epdIn())).noneMatch(p -> p.getFileName().toString().contains(retourId));
    }

    @Test
    void aRetourWithACodeOnTheClientNamesTheClientMasked() throws IOException {
        String heenId = send("WMO315");
        String retourId = uniqueId();
        String retour = Fixtures.answering(Fixtures.accepting(Fixtures.withIdentity("WMO316", retourId)), heenId)
                .replaceFirst("(?s)(<wmo316:RetourCodes>\\s*<wmo316:RetourCode>)0200(</wmo316:RetourCode>\\s*</wmo316:RetourCodes>\\s*</wmo316:Client>)",
                        "$19347$2");

        drop(gateway.vecozoIn(), "retour-" + retourId + ".xml", retour.getBytes(StandardCharsets.UTF_8));

        Path entry = awaitAfkeurEntry("WMO316_0384_" + retourId);
        assertThat(Files.readString(entry.resolve("reden.txt")))
                .contains("- 9347 ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein. [cliënt: Client, Bsn *****0019, /Bericht/Client]");
    }

    @Test
    void aDeclaratieAntwoordWithRejectedPrestatiesGoesToAfkeurAndAFullyGrantedOneToTheEpd() throws IOException {
        String rejectedId = uniqueId();
        String rejectedDeclaratie = send("JW323");
        String rejected = Fixtures.answering(Fixtures.withIdentity("JW325", rejectedId), rejectedDeclaratie);
        String grantedId = uniqueId();
        String granted = Fixtures.answering(Fixtures.accepting(Fixtures.withIdentity("JW325", grantedId)), send("JW323"));

        drop(gateway.vecozoIn(), "antwoord-" + rejectedId + ".xml", rejected.getBytes(StandardCharsets.UTF_8));
        drop(gateway.vecozoIn(), "antwoord-" + grantedId + ".xml", granted.getBytes(StandardCharsets.UTF_8));

        Path entry = awaitAfkeurEntry("JW325_0384_" + rejectedId);
        assertThat(Files.readString(entry.resolve("reden.txt")))
                .contains("rejects JW323 " + rejectedDeclaratie)
                .contains("- 9338 Niet iedere prestatie is op basis van het toewijzingnummer gerelateerd aan een toegewezen product. "
                        + "[prestatie: Prestatie, Bsn *****0020, ReferentieNummer P-2025-03-0003, ToewijzingNummer 123450077, "
                        + "/Bericht/DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie]");
        await().atMost(WAIT).until(() -> Files.exists(gateway.epdIn().resolve("JW325_0384_" + grantedId + ".xml")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.stepsOf(grantedId)).contains("geaccepteerd"));
    }

    private static Path awaitAfkeurEntry(String name) throws IOException {
        await().atMost(WAIT).until(() -> files(gateway.afkeur()).stream().anyMatch(p -> p.toString().contains(name) && p.endsWith("reden.txt")));
        return files(gateway.afkeur()).stream().filter(p -> p.toString().contains(name)).findFirst().orElseThrow().getParent();
    }

    private static Map<String, Object> queueEntry(String queue, String identificatie) {
        await().atMost(WAIT).until(() -> gateway.browse(queue).stream().anyMatch(e -> identificatie.equals(e.get("identificatie"))));
        return gateway.browse(queue).stream().filter(e -> identificatie.equals(e.get("identificatie"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> event(String identificatie, String step) {
        return gateway.auditEvents().stream()
                .filter(e -> step.equals(e.get("step")) && e.get("berichtIdentificatie") instanceof Map<?, ?> id
                        && identificatie.equals(id.get("identificatie")))
                .findFirst().orElseThrow();
    }

}
