package nl.berichtenpoort.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.berichtenpoort.reliability.CrashCorpus.Bericht;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.StandaloneArtemis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suite 2, broker: the gateway against a standalone Apache Artemis (the distribution, its own process) that is stopped
 * mid-flow and started again (-Dbroker.outage.seconds, 20 by default) while the EPD and the gemeente keep dropping
 * messages. Health shows jms DOWN during the outage and UP after; the messages do not wait for the broker (their audit
 * events wait in the store meanwhile); every message is delivered exactly once and every audit event of before, during
 * and after the outage is on the broker's queue.
 */
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("broker.outage.seconds", 20));
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    @Test
    void theBrokerStoppedAndStartedMidFlowLosesNothingAndHealthShowsTheOutageAndTheRecovery() {
        List<Bericht> berichten = CrashCorpus.generate(20261124L, 40, 20).berichten();
        List<Bericht> before = berichten.subList(0, 20);
        List<Bericht> during = berichten.subList(20, berichten.size());
        Path folders = root.resolve("gateway");
        try (StandaloneArtemis broker = StandaloneArtemis.create(root.resolve("artemis"))) {
            broker.start();
            try (RunningGateway gateway = RunningGateway.start(folders, arguments(broker))) {
                assertThat(gateway.health("jms")).containsEntry("status", "UP");
                drop(folders, before);
                await().atMost(WAIT).until(() -> before.stream().filter(b -> Deliveries.arrived(folders, b)).count() >= 5);

                broker.stop();
                Instant stopped = Instant.now();
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health("jms"), h -> "DOWN".equals(h.get("status")));
                drop(folders, during);
                // the audit events wait in the store, the messages do not wait for the broker
                await().atMost(OUTAGE).untilAsserted(() -> assertThat(berichten).allMatch(b -> Deliveries.arrived(folders, b)));
                assertThat(auditEventsWaiting(gateway)).as("audit events waiting in the store").isGreaterThanOrEqualTo(3 * during.size());
                assertThat(Instant.now()).as("delivered while the broker was down").isBefore(stopped.plus(OUTAGE));
                sleepUntil(stopped.plus(OUTAGE));
                broker.start();
                Instant started = Instant.now();
                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.health("jms"), h -> "UP".equals(h.get("status")));
                System.out.printf("BrokerOutageIT: broker down %d s with %d of %d messages dropped meanwhile; health UP %d ms after its start%n",
                        Duration.between(stopped, started).toSeconds(), during.size(), berichten.size(), Duration.between(started, Instant.now()).toMillis());

                await().atMost(WAIT).untilAsserted(() -> assertThat(berichten).allMatch(b -> Deliveries.arrived(folders, b)));
                berichten.forEach(b -> Deliveries.assertDeliveredOnce(folders, b));
                assertThat(RunningGateway.files(gateway.fout())).as("nothing in fout").isEmpty();
                assertThat(RunningGateway.files(gateway.afkeur())).as("nothing in afkeur").isEmpty();
                await().atMost(WAIT).untilAsserted(() -> assertThat(RunningGateway.files(gateway.epdUit())).allMatch(f -> f.toString().contains(".verwerkt")));
                await().atMost(WAIT).untilAsserted(() -> assertThat(auditEventsWaiting(gateway)).isZero());
                await().atMost(WAIT).untilAsserted(() -> {
                    for (Bericht bericht : berichten) {
                        assertThat(gateway.stepsOf(bericht.identificatie())).as(bericht.fileName()).contains("ontvangen", "gevalideerd",
                                bericht.fromEpd() ? "verzonden" : "afgeleverd");
                    }
                });
            }
        }
    }

    private static double auditEventsWaiting(RunningGateway gateway) {
        return gateway.getText("/actuator/prometheus").lines().filter(line -> line.startsWith("berichtenpoort_audit_wachtend "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElseThrow();
    }

    /** Sequencing off: no gemeente answers here, and a stop would wait for the retour of its start. */
    private static String[] arguments(StandaloneArtemis broker) {
        List<String> args = new java.util.ArrayList<>(List.of(broker.gatewayArgs()));
        args.add("--berichtenpoort.sequencing.enabled=false");
        return args.toArray(String[]::new);
    }

    private static void drop(Path folders, List<Bericht> berichten) {
        for (Bericht bericht : berichten) {
            RunningGateway.drop(folders.resolve(bericht.fromEpd() ? "epd/uit" : "vecozo/in"), bericht.fileName(), bericht.content());
        }
    }

    private static void sleepUntil(Instant moment) {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), moment).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
