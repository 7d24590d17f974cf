package nl.berichtenpoort.reliability;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.GatewayProcess;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A received heenbericht is answered, handed to the EPD and then judged. Killed before the judgement is stored, the
 * gateway must hand it over after the restart (CrashIT found one that was judged, never handed over, and skipped as done
 * when read again); and the judgement is stored together with what the message establishes, or not at all.
 */
class InboundHandOverIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    @Test
    void aHeenberichtAnsweredButNotYetHandedToTheEpdWhenTheGatewayIsKilledIsHandedOverAfterTheRestart() throws Exception {
        // the hand-over keeps failing (and being retried) until the kill: the EPD's import folder is a file for now
        GatewayProcess gateway = new GatewayProcess(root, List.of(), "--berichtenpoort.redelivery.maximum-redeliveries=1000",
                "--berichtenpoort.redelivery.maximum-delay=200");
        gateway.start();
        // the verzoek the toewijzing answers (TR379)
        drop(root.resolve("epd/uit"), "jw315.xml", Fixtures.withIdentity("JW315", "HO-0315").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(root.resolve("vecozo/uit/JW315_98025566_HO-0315.xml")));
        Path epdIn = root.resolve("epd/in");
        Files.delete(epdIn);
        Files.writeString(epdIn, "not a folder");
        byte[] heenbericht = Fixtures.withIdentity("JW301", "HO-0001").getBytes(StandardCharsets.UTF_8);
        drop(root.resolve("vecozo/in"), "jw301-HO-0001.xml", heenbericht);
        await().atMost(Duration.ofSeconds(30)).until(() -> retours().size() == 1);
        Thread.sleep(1_500);
        gateway.kill();

        Files.delete(epdIn);
        Files.createDirectories(epdIn);
        gateway.start();
        Path handedOver = epdIn.resolve("JW301_0384_HO-0001.xml");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(handedOver));
        gateway.stop();

        assertThat(handedOver).hasBinaryContent(heenbericht);
        assertThat(retours()).as("answered once").hasSize(1);
        assertThat(files(root.resolve("fout"))).isEmpty();
        try (RunningGateway after = RunningGateway.start(root)) {
            assertThat(after.state("JW301", "HO-0001")).isEqualTo("GEACCEPTEERD");
            assertThat(after.stepsOf("HO-0001")).contains("afgeleverd");
        }
    }

    @Test
    void aToewijzingWhoseNumbersCannotBeRememberedIsNotStoredAsAccepted() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(root)) {
            drop(gateway.epdUit(), "jw315.xml", Fixtures.withIdentity("JW315", "HO-0315").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(gateway.vecozoUit().resolve("JW315_98025566_HO-0315.xml")));
            // the toewijzing table refuses every row, as a full disk or a lost database connection would
            JdbcTemplate jdbc = gateway.context().getBean(JdbcTemplate.class);
            jdbc.execute("create trigger weigert before insert on toewijzing for each row call '" + RefusingTrigger.class.getName() + "'");
            drop(gateway.vecozoIn(), "jw301-HO-0002.xml", Fixtures.withIdentity("JW301", "HO-0002").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> files(gateway.fout()).stream().anyMatch(f -> f.toString().endsWith("reden.txt")));

            assertThat(jdbc.queryForList("select s.status from bericht_status s join bericht b on b.id = s.bericht_id"
                    + " where b.identificatie = 'HO-0002' order by s.id", String.class))
                    .as("its history").isNotEmpty().doesNotContain("GEACCEPTEERD");
            assertThat(jdbc.queryForObject("select count(*) from toewijzing", Long.class)).isZero();
        }
    }

    /** An H2 trigger that refuses every row. */
    public static final class RefusingTrigger implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("refused by the test");
        }
    }

    private List<Path> retours() {
        return files(root.resolve("vecozo/uit")).stream().filter(f -> f.getFileName().toString().startsWith("JW302_")).toList();
    }
}
