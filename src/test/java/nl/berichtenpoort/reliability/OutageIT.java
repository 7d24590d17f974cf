package nl.berichtenpoort.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.FreePort;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.SftpServer;
import nl.berichtenpoort.testsupport.vsp.VspSimulator;
import nl.berichtenpoort.testsupport.vsp.VspWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suite 3, remote outage: VECOZO's SFTP server is gone, and its VSP push endpoint answers 503, for a while
 * (-Doutage.seconds, 30 by default) while the EPD exports messages for several clients. Nothing goes to fout, health
 * shows the outage and the message that waits, the attempts stay bounded (the pauses grow to the maximum: no busy
 * loop), and once VECOZO is back every message arrives exactly once, byte for byte, in the order the EPD wrote them
 * per client.
 */
class OutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 30));
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int CLIENTS = 8;
    private static final List<String> PER_CLIENT = List.of("315", "305", "317");
    private static final Pattern FAILED_ATTEMPTS = Pattern.compile("berichtenpoort_vecozo_pogingen_total\\{[^}]*uitkomst=\"mislukt\"[^}]*} (\\S+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    /** A message the EPD exports, for one client. */
    record Outgoing(String client, String type, String identificatie, byte[] content) {

        String deliveredAs() {
            return type + "_98025566_" + identificatie + ".xml";
        }
    }

    @Test
    void whileTheSftpServerIsDownMessagesWaitAndAllArriveOnceInOrderPerClientWhenItIsBack() throws IOException, InterruptedException {
        int port = FreePort.any();
        Path knownHosts;
        try (SftpServer sftp = SftpServer.start(root.resolve("sftp"), port, "geheim", null)) {
            knownHosts = sftp.writeKnownHosts(root.resolve("known_hosts"));
        }
        List<Outgoing> messages = messages("S");
        try (RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), retry(
                "--spring.profiles.active=sftp",
                "--berichtenpoort.vecozo.sftp.host=localhost",
                "--berichtenpoort.vecozo.sftp.port=" + port,
                "--berichtenpoort.vecozo.sftp.username=" + SftpServer.USER,
                "--berichtenpoort.vecozo.sftp.password=geheim",
                "--berichtenpoort.vecozo.sftp.known-hosts-file=" + knownHosts,
                "--berichtenpoort.vecozo.sftp.connect-timeout=2000"))) {
            outage(gateway, messages);

            try (SftpServer back = SftpServer.start(root.resolve("sftp"), port, "geheim", null)) {
                await().atMost(WAIT).until(() -> back.completedUploads().size() >= messages.size());
                assertArrivedOnceInOrder(messages, back.completedUploads(), name -> RunningGateway.bytes(back.files().resolve("uit").resolve(name)));
                afterwards(gateway, messages);
            }
        }
    }

    @Test
    void whileTheVspAnswers503MessagesWaitAndAllArriveOnceInOrderPerClientWhenItIsBack() throws InterruptedException {
        List<Outgoing> messages = messages("V");
        try (VspWorld vsp = VspWorld.start(root.resolve("vsp"));
             RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), vsp.gatewayArgs(retry()))) {
            VspSimulator simulator = vsp.simulator();
            simulator.unavailableFor(OUTAGE);
            outage(gateway, messages);

            await().atMost(WAIT).until(() -> simulator.received().size() >= messages.size());
            Map<String, byte[]> arrived = new LinkedHashMap<>();
            simulator.received().forEach(b -> arrived.put(deliveredAs(messages, b.identificatie()), b.payload()));
            assertThat(simulator.received()).hasSameSizeAs(arrived.keySet());
            assertArrivedOnceInOrder(messages, List.copyOf(arrived.keySet()), arrived::get);
            afterwards(gateway, messages);
        }
    }

    @Test
    void aRetourThatCannotGoOutWaitsAndItsToewijzingStillReachesTheEpdIntact() throws IOException {
        byte[] toewijzing = Fixtures.withoutReferentieAanbieder(Fixtures.text("WMO301")).getBytes(StandardCharsets.UTF_8);
        try (RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), retry())) {
            Path outbox = gateway.vecozoUit();
            Files.delete(outbox);
            Files.writeString(outbox, "a file where the outbox folder should be: every write fails");

            RunningGateway.drop(gateway.vecozoIn(), "toewijzing.xml", toewijzing);
            await().atMost(WAIT).until(() -> gateway.health("vecozo"), h -> "DOWN".equals(h.get("status")));
            assertThat(RunningGateway.files(gateway.epdIn())).as("not before its retour is out").isEmpty();
            Files.delete(outbox);
            Files.createDirectories(outbox);

            Path delivered = gateway.epdIn().resolve("WMO301_0384_T301-000101.xml");
            await().atMost(WAIT).until(() -> Files.exists(delivered));
            assertThat(delivered).hasBinaryContent(toewijzing);
            assertThat(RunningGateway.files(gateway.epdIn())).containsExactly(delivered);
            assertThat(RunningGateway.files(outbox)).singleElement().satisfies(retour -> assertThat(retour.getFileName().toString()).startsWith("WMO302_"));
            assertThat(RunningGateway.files(gateway.fout())).isEmpty();
        }
    }

    /**
     * The EPD exports all messages while VECOZO cannot be reached: during the outage nothing reaches fout, health
     * shows vecozo DOWN with the first message waiting, and the attempts stay within the bound.
     */
    private static void outage(RunningGateway gateway, List<Outgoing> messages) throws InterruptedException {
        Instant end = Instant.now().plus(OUTAGE);
        for (int i = 0; i < messages.size(); i++) {
            Outgoing message = messages.get(i);
            RunningGateway.drop(gateway.epdUit(), String.format("%03d-%s.xml", i, message.identificatie()), message.content());
            Thread.sleep(20);
        }
        Map<String, Object> health = await().atMost(OUTAGE).until(() -> gateway.health("vecozo"), h -> "DOWN".equals(h.get("status")));
        assertThat(health.get("details")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("waiting", messages.get(0).deliveredAs());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()));

        assertThat(RunningGateway.files(gateway.fout())).as("nothing in fout during the outage").isEmpty();
        assertThat(gateway.health("vecozo")).containsEntry("status", "DOWN");
        double failed = failedAttempts(gateway);
        assertThat(failed).as("failed attempts during the outage").isBetween(3.0, (double) maximumAttempts());
        System.out.printf("OutageIT: %d messages of %d clients waiting, outage %d s, %.0f failed attempts (at most %d allowed)%n",
                messages.size(), CLIENTS, OUTAGE.toSeconds(), failed, maximumAttempts());
    }

    /** Once VECOZO is back: health UP, every message VERZONDEN, no file left in the EPD folder, nothing in fout. */
    private static void afterwards(RunningGateway gateway, List<Outgoing> messages) {
        await().atMost(WAIT).until(() -> messages.stream().allMatch(m -> gateway.state(m.type(), m.identificatie()).equals("VERZONDEN")));
        assertThat(gateway.health("vecozo")).containsEntry("status", "UP");
        assertThat(RunningGateway.files(gateway.fout())).isEmpty();
        await().atMost(WAIT).until(() -> RunningGateway.files(gateway.epdUit()).stream().allMatch(f -> f.toString().contains(".verwerkt")));
    }

    private static void assertArrivedOnceInOrder(List<Outgoing> messages, List<String> arrived, Function<String, byte[]> content) {
        assertThat(arrived).as("every message exactly once").containsExactlyInAnyOrderElementsOf(messages.stream().map(Outgoing::deliveredAs).toList());
        for (Outgoing message : messages) {
            assertThat(content.apply(message.deliveredAs())).as(message.deliveredAs()).isEqualTo(message.content());
        }
        Map<String, List<String>> written = perClient(messages, messages.stream().map(Outgoing::deliveredAs).toList());
        assertThat(perClient(messages, arrived)).as("the order per client").isEqualTo(written);
    }

    private static Map<String, List<String>> perClient(List<Outgoing> messages, List<String> names) {
        Map<String, String> clientOf = messages.stream().collect(Collectors.toMap(Outgoing::deliveredAs, Outgoing::client));
        Map<String, List<String>> perClient = new LinkedHashMap<>();
        names.forEach(name -> perClient.computeIfAbsent(clientOf.get(name), c -> new ArrayList<>()).add(name));
        return perClient;
    }

    private static String deliveredAs(List<Outgoing> messages, String identificatie) {
        return messages.stream().filter(m -> m.identificatie().equals(identificatie)).findFirst().orElseThrow().deliveredAs();
    }

    /** Pauses doubling from the first to the longest, then the longest until the outage ends, and a little slack. */
    private static int maximumAttempts() {
        int ramp = 1;
        for (long pause = FIRST_PAUSE.toMillis(); pause < LONGEST_PAUSE.toMillis(); pause *= 2) {
            ramp++;
        }
        return ramp + (int) (OUTAGE.toMillis() / LONGEST_PAUSE.toMillis()) + 3;
    }

    private static double failedAttempts(RunningGateway gateway) {
        Matcher matcher = FAILED_ATTEMPTS.matcher(gateway.getText("/actuator/prometheus"));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /**
     * Eight clients with a 315, a 305 and a 317 each, alternately iWmo and iJw, the clients interleaved as an EPD
     * export would mix them.
     */
    private static List<Outgoing> messages(String prefix) {
        Random random = new Random(7);
        List<List<Outgoing>> perClient = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String bsn = Fixtures.bsn(random);
            String standard = c % 2 == 0 ? "WMO" : "JW";
            List<Outgoing> own = new ArrayList<>();
            for (String code : PER_CLIENT) {
                String type = standard + code;
                String id = prefix + "-" + c + "-" + code;
                own.add(new Outgoing(bsn, type, id, Fixtures.withIdentity(type, id).replace(">999990019<", ">" + bsn + "<")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            perClient.add(own);
        }
        List<Outgoing> all = new ArrayList<>();
        for (int i = 0; i < PER_CLIENT.size(); i++) {
            for (List<Outgoing> own : perClient) {
                all.add(own.get(i));
            }
        }
        return all;
    }

    private static String[] retry(String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.add("--berichtenpoort.outage.delay=" + FIRST_PAUSE.toMillis());
        args.add("--berichtenpoort.outage.maximum-delay=" + LONGEST_PAUSE.toMillis());
        return args.toArray(String[]::new);
    }
}
