package nl.berichtenpoort.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.berichtenpoort.reliability.BadInputCorpus.BadFile;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.GatewayProcess;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over a thousand bad files, in sixteen classes and with odd names, dropped into the EPD export folder of the packaged
 * gateway running with -Xmx256m, with good messages in between and two files over 25 MB. Each bad file ends in fout
 * with a reason naming its refusal class and the file; no entity is resolved (a local secret never shows up, a
 * listening socket is never called); the gateway stays healthy and the good messages pass.
 */
class BadInputCorpusIT {

    private static final int PER_CLASS = 64;
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    @Test
    void everyBadFileEndsInFoutWithItsClassNoEntityIsResolvedAndGoodMessagesStillPass() throws Exception {
        String marker = "GEHEIM-" + UUID.randomUUID();
        Path secret = Files.createDirectories(root.resolve("geheim")).resolve("geheim.txt");
        Files.writeString(secret, marker);
        try (ServerSocket listener = new ServerSocket(0)) {
            AtomicInteger calls = listen(listener);
            BadInputCorpus corpus = BadInputCorpus.generate(20261123L, PER_CLASS, secret.toString(), "http://127.0.0.1:" + listener.getLocalPort());
            GatewayProcess gateway = new GatewayProcess(root, List.of("-Xmx256m")).start();
            Path epdUit = root.resolve("epd/uit");
            RunningGateway.drop(epdUit, "origineel.xml", BadInputCorpus.original());
            await().atMost(WAIT).until(() -> Files.exists(root.resolve("vecozo/uit/WMO305_98025566_BI-DUBBEL.xml")));

            List<String> good = new ArrayList<>();
            for (int i = 0; i < corpus.files().size(); i++) {
                BadFile bad = corpus.files().get(i);
                RunningGateway.drop(epdUit, bad.name(), bad.content());
                if (i % PER_CLASS == 0) {
                    String id = "BIG" + i;
                    good.add(id);
                    RunningGateway.drop(epdUit, "goed-" + id + ".xml", Fixtures.withIdentity("WMO315", id).getBytes(StandardCharsets.UTF_8));
                    assertThat(gateway.healthy()).as("healthy after " + i + " bad files").isTrue();
                }
            }
            for (int i = 0; i < 2; i++) {
                RunningGateway.drop(epdUit, "te-groot-" + i + ".xml", oversized());
            }

            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> reasons().size() >= corpus.files().size() + 2);
            await().atMost(WAIT).until(() -> good.stream().allMatch(id -> Files.exists(root.resolve("vecozo/uit/WMO315_98025566_" + id + ".xml"))));
            assertThat(gateway.healthy()).as("healthy at the end").isTrue();
            gateway.stop();

            Map<String, Path> reasons = reasons();
            assertThat(reasons).hasSize(corpus.files().size() + 2);
            for (BadFile bad : corpus.files()) {
                Path reason = reasons.get(bad.name());
                assertThat(reason).as(bad.soort() + " " + bad.name()).isNotNull();
                assertThat(Files.readString(reason)).as(bad.soort() + " " + bad.name()).startsWith(bad.problem() + "\n" + bad.name());
                assertThat(reason.resolveSibling(reason.getFileName().toString().replace(".reden.txt", ""))).hasBinaryContent(bad.content());
            }
            assertThat(Files.readString(reasons.get("te-groot-0.xml"))).startsWith("TOO_LARGE\n");
            assertThat(calls.get()).as("connections to the entity URL").isZero();
            assertThat(filesContaining(marker)).as("files holding the secret's content").containsExactly(secret);
            System.out.printf("BadInputCorpusIT: %d bad files in %d classes + 2 over 25 MB, %d good messages, -Xmx256m, %d entity calls%n",
                    corpus.files().size(), corpus.files().stream().map(BadFile::soort).distinct().count(), good.size(), calls.get());
        }
    }

    /** The fout reasons by the name of the file they are about. */
    private Map<String, Path> reasons() {
        return RunningGateway.files(root.resolve("fout")).stream().filter(f -> f.getFileName().toString().endsWith(".reden.txt"))
                .collect(Collectors.toMap(f -> f.getFileName().toString().replaceFirst("^\\d+-", "").replace(".reden.txt", ""),
                        Function.identity(), (a, b) -> a));
    }

    private List<Path> filesContaining(String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(f -> f.toFile().length() < 30_000_000).filter(f -> contains(RunningGateway.bytes(f), needle)).toList();
        }
    }

    private static AtomicInteger listen(ServerSocket listener) {
        AtomicInteger calls = new AtomicInteger();
        Thread thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    calls.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "entity-listener");
        thread.setDaemon(true);
        thread.start();
        return calls;
    }

    private static byte[] oversized() {
        String xml = Fixtures.withIdentity("WMO305", "BI-GROOT");
        int cut = xml.indexOf("</wmo305:Bericht>");
        StringBuilder big = new StringBuilder(27 * 1024 * 1024).append(xml, 0, cut);
        String filler = "<!-- " + "x".repeat(1000) + " -->\n";
        while (big.length() < 26 * 1024 * 1024) {
            big.append(filler);
        }
        return big.append(xml.substring(cut)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
