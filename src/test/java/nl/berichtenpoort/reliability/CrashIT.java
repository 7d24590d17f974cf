package nl.berichtenpoort.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nl.berichtenpoort.reliability.CrashCorpus.Bericht;
import nl.berichtenpoort.testsupport.GatewayProcess;
import nl.berichtenpoort.testsupport.GemeenteSimulator;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway, as a process of its own, is killed with SIGKILL at random moments while the EPD and the
 * gemeente keep dropping messages, and started again each time. Afterwards every message has been delivered exactly
 * once, has the state and the audit events it should have, and no file is left behind. The moments come from a seed
 * ({@code -Dcrash.seed}), so a failing run can be repeated; {@code -Dcrash.kills} sets how many (20 in CI, 100 for
 * the long run in the README).
 */
class CrashIT {

    private static final long SEED = Long.getLong("crash.seed", 20261123L);
    private static final int KILLS = Integer.getInteger("crash.kills", 20);
    private static final int FROM_EPD = 140;
    private static final int FROM_GEMEENTE = 70;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    @Test
    void aGatewayKilledAtRandomMomentsDeliversEveryMessageExactlyOnceAndLeavesNothingBehind() throws Exception {
        CrashCorpus corpus = CrashCorpus.generate(SEED, FROM_EPD, FROM_GEMEENTE);
        Random moments = new Random(SEED);
        GatewayProcess gateway = new GatewayProcess(root, List.of("-Xmx256m"));
        Gemeente gemeente = new Gemeente(root);
        Thread dropper = new Thread(() -> drop(corpus, new Random(SEED + 1)), "crash-dropper");

        gateway.start();
        dropper.start();
        gemeente.start();
        for (int kill = 1; kill <= KILLS; kill++) {
            Thread.sleep(300 + moments.nextInt(3_000));
            gateway.kill();
            gateway.start();
        }
        dropper.join();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(notArrived(corpus, gemeente)).as("not delivered").isEmpty());
        gemeente.stop();
        gateway.stop();
        System.out.printf("CrashIT: seed %d, %d messages from the EPD, %d from the gemeente, %d retours, %d kills, %d starts%n", SEED,
                FROM_EPD, FROM_GEMEENTE, gemeente.answered.size(), KILLS, gateway.starts());

        assertThat(RunningGateway.files(root.resolve("fout"))).as("nothing in fout").isEmpty();
        assertThat(RunningGateway.files(root.resolve("afkeur"))).as("nothing in afkeur").isEmpty();
        assertNoFileLeftBehind();
        for (Bericht bericht : corpus.berichten()) {
            Deliveries.assertDeliveredOnce(root, bericht);
        }
        try (RunningGateway after = RunningGateway.start(root)) {
            List<String> steps = after.auditEvents().stream().map(e -> e.get("step") + " " + identificatie(e)).toList();
            for (Bericht bericht : corpus.berichten()) {
                assertThat(after.state(bericht.type(), bericht.identificatie())).as(bericht.fileName()).isEqualTo("GEACCEPTEERD");
                assertThat(steps).as(bericht.fileName()).contains((bericht.fromEpd() ? "verzonden " : "afgeleverd ") + bericht.identificatie());
            }
            for (String retour : gemeente.answered.values()) {
                assertThat(steps).as("retour " + retour).contains("geaccepteerd " + retour);
            }
        }
    }

    private void drop(CrashCorpus corpus, Random pace) {
        for (Bericht bericht : corpus.berichten()) {
            RunningGateway.drop(root.resolve(bericht.fromEpd() ? "epd/uit" : "vecozo/in"), bericht.fileName(), bericht.content());
            sleep(pace.nextInt(60));
        }
    }

    private List<String> notArrived(CrashCorpus corpus, Gemeente gemeente) {
        List<Path> epdIn = RunningGateway.files(root.resolve("epd/in"));
        Stream<String> berichten = corpus.berichten().stream().filter(bericht -> !Deliveries.arrived(root, bericht)).map(Bericht::fileName);
        Stream<String> retours = gemeente.answered.entrySet().stream().filter(retour -> epdIn.stream()
                .noneMatch(f -> f.getFileName().toString().endsWith("_0384_" + retour.getValue() + ".xml"))).map(r -> "retour " + r.getValue()
                + " to " + r.getKey());
        return Stream.concat(berichten, retours).toList();
    }

    private void assertNoFileLeftBehind() throws IOException {
        assertThat(RunningGateway.files(root.resolve("epd/uit"))).as("files left in the EPD export folder").isEmpty();
        assertThat(RunningGateway.files(root.resolve("vecozo/in"))).as("files left in the VECOZO mailbox").isEmpty();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .as("lock and half-written files").noneMatch(name -> name.endsWith(".camelLock") || name.startsWith(".deel-")
                            || name.startsWith(".schrijven-"));
        }
        assertThat(RunningGateway.files(root.resolve("work"))).as("files left in the work folder").isEmpty();
    }

    private static String identificatie(Map<String, Object> event) {
        return event.get("berichtIdentificatie") instanceof Map<?, ?> id ? String.valueOf(id.get("identificatie")) : "";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gemeente 0384 answering, with an accepting retour, each heenbericht that appears in the gateway's outbox. */
    private static final class Gemeente {

        private final Path outbox;
        private final GemeenteSimulator simulator;
        final Map<String, String> answered = new ConcurrentHashMap<>();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "crash-gemeente");

        Gemeente(Path root) {
            this.outbox = root.resolve("vecozo/uit");
            this.simulator = new GemeenteSimulator(outbox, root.resolve("vecozo/in"));
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            Set<String> heen = Set.copyOf(CrashCorpus.EPD_TYPES);
            while (running) {
                for (Path file : RunningGateway.files(outbox)) {
                    String[] parts = file.getFileName().toString().replace(".xml", "").split("_");
                    String key = parts[0] + " " + parts[2];
                    if (heen.contains(parts[0]) && !answered.containsKey(key)) {
                        answered.put(key, parts[0].endsWith("323") ? simulator.declaratieAntwoord(parts[0], parts[2], Set.of(), null, false)
                                : simulator.accept(parts[0], parts[2]));
                    }
                }
                sleep(200);
            }
        }
    }
}
