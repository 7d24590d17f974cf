package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.berichtenpoort.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input ends in the fout dead letter with its original bytes and a reason that names the class,
 * and a good message dropped right after it still goes through: the gateway keeps running.
 */
class BadInputIT extends SharedGateway {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static Stream<Arguments> badInput() {
        String wmo305 = Fixtures.text("WMO305");
        return Stream.of(
                Arguments.of("NOT_WELL_FORMED", "notitie.txt", "dit is geen xml".getBytes(StandardCharsets.UTF_8), "Content is not allowed in prolog"),
                Arguments.of("NOT_WELL_FORMED", "afgebroken.xml", wmo305.substring(0, wmo305.length() / 2).getBytes(StandardCharsets.UTF_8),
                        "must be terminated by the matching end-tag"),
                Arguments.of("DOCTYPE", "doctype.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<x>&e;</x>").getBytes(StandardCharsets.UTF_8), "DOCTYPE declaration"),
                Arguments.of("XSD_INVALID", "ongeldig.xml", withUniqueId("WMO305").replace("<wmo305:Geslacht>2<", "<wmo305:Geslacht>5<")
                        .replace("<iwmo:Dagtekening>2025-03-10<", "<iwmo:Dagtekening>2025-03-10Z<").getBytes(StandardCharsets.UTF_8),
                        "2 errors:\n  - line 11, column"),
                Arguments.of("UNKNOWN_RELEASE", "release31.xml", withUniqueId("WMO305").replace("/iwmo/3_2/wmo305/", "/iwmo/3_1/wmo305/")
                        .getBytes(StandardCharsets.UTF_8), "namespace http://www.istandaarden.nl/iwmo/3_1/wmo305/schema"),
                Arguments.of("EMPTY", "leeg.xml", new byte[0], "the file is empty"),
                Arguments.of("NOT_UTF8", "utf16.xml", withUniqueId("WMO305").replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16),
                        "encoded as UTF-16"),
                Arguments.of("WRONG_PARTY", "toewijzing.xml", withUniqueId("WMO301").getBytes(StandardCharsets.UTF_8),
                        "WMO301 is sent by the gemeente; this gateway acts as aanbieder"),
                Arguments.of("WRONG_PARTY", "andere-agb.xml", withUniqueId("WMO305").replace(">98025566<", ">12345678<")
                        .getBytes(StandardCharsets.UTF_8), "the sender of this WMO305 is 12345678"),
                Arguments.of("NO_HEENBERICHT", "retour-zonder-heen.xml", withUniqueId("WMO302").replace(">T301-000101<", ">" + uniqueId() + "<")
                        .getBytes(StandardCharsets.UTF_8), "(Dagtekening 2025-03-03) of 0384, which this gateway never received"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInput")
    void badInputGoesToFoutWithItsOriginalAndReasonAndTheNextMessageStillPasses(String problem, String name, byte[] content, String detail)
            throws IOException {
        drop(gateway.epdUit(), name, content);
        String goodId = uniqueId();
        drop(gateway.epdUit(), "goed-" + goodId + ".xml", Fixtures.withIdentity("WMO307", goodId).getBytes(StandardCharsets.UTF_8));

        Path copy = awaitFout(name);
        assertThat(copy).hasBinaryContent(content);
        String reason = Files.readString(copy.resolveSibling(copy.getFileName() + ".reden.txt"));
        assertThat(reason).startsWith(problem + "\n" + name).contains(detail).doesNotContain("999990019");
        Map<String, Object> queued = foutEntry(name);
        assertThat(queued).containsEntry("problem", problem).containsEntry("reason", reason.substring(problem.length() + 1).strip());
        assertThat(Base64.getDecoder().decode((String) queued.get("originalBase64"))).isEqualTo(content);
        await().atMost(WAIT).until(() -> gateway.stepsOf(name).contains("fout"));
        assertThat(gateway.stepsOf(name)).containsExactlyElementsOf(problem.equals("WRONG_PARTY") || problem.equals("NO_HEENBERICHT")
                ? List.of("ontvangen", "gevalideerd", "afgewezen-validatie", "fout")
                : List.of("ontvangen", "afgewezen-validatie", "fout"));
        await().atMost(WAIT).until(() -> Files.exists(gateway.vecozoUit().resolve("WMO307_98025566_" + goodId + ".xml")));
    }

    @Test
    void anXsdInvalidMessageListsEveryErrorWithItsPlace() throws IOException {
        String xml = withUniqueId("WMO323").replace("<wmo323:Eenheid>04<", "<wmo323:Eenheid>05<")
                .replace("<wmo323:Bsn>999990020<", "<wmo323:Bsn>99999002<")
                .replace("<wmo323:ProductCode>07A05<", "<wmo323:ProductCode>07A05X<");

        drop(gateway.epdUit(), "declaratie-fout.xml", xml.getBytes(StandardCharsets.UTF_8));

        Path copy = awaitFout("declaratie-fout.xml");
        String reason = Files.readString(copy.resolveSibling(copy.getFileName() + ".reden.txt"));
        assertThat(reason).contains("4 errors",
                "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/Eenheid: Eenheid '05' is not in the code list",
                "/Bericht/Declaratie/Clienten/Client[2]/Bsn: Bsn '****9002' must be exactly 9 digits",
                "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductCode: ProductCode '07A05X' is 6 characters long; at most 5 allowed",
                "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductCode")
                .doesNotContain("99999002");
    }

    @Test
    void aSecondMessageWithAUsedIdentificatieIsRefusedAsTr056() throws IOException {
        String id = uniqueId();
        drop(gateway.epdUit(), "eerste.xml", Fixtures.withIdentity("JW315", id).getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> Files.exists(gateway.vecozoUit().resolve("JW315_98025566_" + id + ".xml")));
        byte[] other = Fixtures.withIdentity("JW315", id).replace("VOT-2025-0042", "VOT-2025-0099").getBytes(StandardCharsets.UTF_8);

        drop(gateway.epdUit(), "tweede.xml", other);

        Path copy = awaitFout("tweede.xml");
        assertThat(copy).hasBinaryContent(other);
        assertThat(Files.readString(copy.resolveSibling(copy.getFileName() + ".reden.txt"))).startsWith("DUPLICATE\n")
                .contains("Identificatie " + id + " is already used for JW315 by 98025566 (file eerste.xml");
        assertThat(files(gateway.vecozoUit())).filteredOn(p -> p.getFileName().toString().contains(id)).hasSize(1);
    }

    @Test
    void theSameMessageDroppedAgainIsNotSentTwice() throws IOException {
        String id = uniqueId();
        byte[] message = Fixtures.withIdentity("WMO317", id).getBytes(StandardCharsets.UTF_8);
        drop(gateway.epdUit(), "verzoek.xml", message);
        await().atMost(WAIT).until(() -> Files.exists(gateway.vecozoUit().resolve("WMO317_98025566_" + id + ".xml")));

        drop(gateway.epdUit(), "verzoek-nogmaals.xml", message);

        Path copy = awaitFout("verzoek-nogmaals.xml");
        assertThat(Files.readString(copy.resolveSibling(copy.getFileName() + ".reden.txt")))
                .contains("was taken on before, on").contains("as file verzoek.xml, and is VERZONDEN; it is not passed on again");
        assertThat(files(gateway.vecozoUit())).filteredOn(p -> p.getFileName().toString().contains(id)).hasSize(1);
    }

    @Test
    void theSameMessageDroppedTwiceAtOnceIsSentOnce() throws IOException {
        // the second copy is recorded while the first may still wait for its sent state to be written (GroupCommit)
        List<String> ids = Stream.generate(BadInputIT::uniqueId).limit(10).toList();
        Path staging = Files.createDirectories(root.resolve("tweemaal"));
        for (String id : ids) {
            byte[] message = Fixtures.withIdentity("WMO317", id).getBytes(StandardCharsets.UTF_8);
            Files.write(staging.resolve(id + "-a.xml"), message);
            Files.write(staging.resolve(id + "-b.xml"), message);
        }
        for (String id : ids) {
            for (String copy : List.of(id + "-a.xml", id + "-b.xml")) {
                Files.move(staging.resolve(copy), gateway.epdUit().resolve(copy), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }

        for (String id : ids) {
            await().atMost(WAIT).until(() -> files(gateway.fout()).stream().anyMatch(p -> p.getFileName().toString().contains(id)
                    && p.getFileName().toString().endsWith(".reden.txt")));
            List<Path> refused = files(gateway.fout()).stream().filter(p -> p.getFileName().toString().contains(id)
                    && p.getFileName().toString().endsWith(".reden.txt")).toList();
            assertThat(refused).as(id).hasSize(1);
            assertThat(Files.readString(refused.get(0))).as(id).contains("it is not passed on again");
            await().atMost(WAIT).until(() -> "VERZONDEN".equals(gateway.state("WMO317", id)));
            assertThat(gateway.stepsOf(id).stream().filter("verzonden"::equals)).as(id).hasSize(1);
        }
    }

    @Test
    void aFileOverTwentyFiveMegabytesIsRefusedUnreadAndKeptInFout() throws IOException {
        Path big = Files.createTempFile(root, "groot", ".tmp");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(25L * 1024 * 1024 + 1);
        }
        Files.move(big, gateway.epdUit().resolve("groot.xml"));

        Path copy = awaitFout("groot.xml");
        assertThat(Files.size(copy)).isEqualTo(25L * 1024 * 1024 + 1);
        assertThat(Files.readString(copy.resolveSibling(copy.getFileName() + ".reden.txt"))).startsWith("TOO_LARGE\n").contains("OP179");
        assertThat(foutEntry("groot.xml")).doesNotContainKey("originalBase64").containsEntry("problem", "TOO_LARGE");
    }

    @Test
    void aFileWrittenSlowlyIsTakenOnlyWhenComplete() throws Exception {
        String id = uniqueId();
        byte[] message = Fixtures.withIdentity("WMO305", id).getBytes(StandardCharsets.UTF_8);
        Path target = gateway.epdUit().resolve("langzaam.xml");
        int chunk = message.length / 10 + 1;
        for (int offset = 0; offset < message.length; offset += chunk) {
            Files.write(target, java.util.Arrays.copyOfRange(message, offset, Math.min(message.length, offset + chunk)),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(100);
        }

        await().atMost(WAIT).until(() -> Files.exists(gateway.vecozoUit().resolve("WMO305_98025566_" + id + ".xml")));
        assertThat(gateway.vecozoUit().resolve("WMO305_98025566_" + id + ".xml")).hasBinaryContent(message);
        assertThat(files(gateway.fout())).noneMatch(p -> p.getFileName().toString().contains("langzaam"));
    }

    private static Path awaitFout(String name) {
        await().atMost(WAIT).until(() -> files(gateway.fout()).stream().anyMatch(p -> p.getFileName().toString().endsWith("-" + name)));
        return files(gateway.fout()).stream().filter(p -> p.getFileName().toString().endsWith("-" + name)).findFirst().orElseThrow();
    }

    private static Map<String, Object> foutEntry(String name) {
        await().atMost(WAIT).until(() -> gateway.browse("berichtenpoort.fout").stream().anyMatch(e -> name.equals(e.get("fileName"))));
        return gateway.browse("berichtenpoort.fout").stream().filter(e -> name.equals(e.get("fileName"))).findFirst().orElseThrow();
    }

    private static String withUniqueId(String type) {
        return Fixtures.withIdentity(type, uniqueId());
    }
}
