package nl.berichtenpoort.reliability;

import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbound flow records messages, and marks them sent, in groups that share a commit (GroupCommit): each message
 * is delivered only once its record is written and its EPD file moves away only once its sent state is, and one whose
 * row cannot be written does not hold back or fail the others.
 */
class GroupCommitIT {

    private static final List<String> IDS = IntStream.range(0, 30).mapToObj(i -> String.format("GRP-%04d", i)).toList();
    private static final String REFUSED = "GRP-0017";

    @TempDir
    Path root;

    @Test
    void messagesDroppedTogetherAreAllMarkedSentAndOneWhoseStateCannotBeWrittenGoesToFoutAlone() throws Exception {
        assertOneRefusedAndTheOthersSent("bericht_status", RefusingSentState.class, "FOUT", "VERZONDEN refused by the test");
    }

    @Test
    void messagesDroppedTogetherAreAllRecordedAndOneThatCannotBeRecordedGoesToFoutAlone() throws Exception {
        assertOneRefusedAndTheOthersSent("bericht", RefusingRecord.class, "", "recording refused by the test");
    }

    private void assertOneRefusedAndTheOthersSent(String table, Class<? extends Trigger> trigger, String refusedState, String reason)
            throws Exception {
        // no second try: a message that failed only because it shared a group with the refused one would go to fout
        try (RunningGateway gateway = RunningGateway.start(root, "--berichtenpoort.redelivery.maximum-redeliveries=0")) {
            JdbcTemplate jdbc = gateway.context().getBean(JdbcTemplate.class);
            jdbc.execute("create trigger weigert before insert on " + table + " for each row call '" + trigger.getName() + "'");
            // written first and moved in at once, so that the poller finds them together and the stages take them in a row
            Path staging = Files.createDirectories(root.resolve("staging"));
            for (String id : IDS) {
                Files.writeString(staging.resolve(id + ".xml"), Fixtures.withIdentity("WMO315", id), StandardCharsets.UTF_8);
            }
            for (String id : IDS) {
                Files.move(staging.resolve(id + ".xml"), gateway.epdUit().resolve(id + ".xml"), StandardCopyOption.ATOMIC_MOVE);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> files(gateway.epdUit()).isEmpty()
                    && files(gateway.fout()).stream().anyMatch(f -> f.toString().endsWith("reden.txt")));

            for (String id : IDS.stream().filter(id -> !id.equals(REFUSED)).toList()) {
                assertThat(gateway.state("WMO315", id)).as(id).isEqualTo("VERZONDEN");
                assertThat(gateway.vecozoUit().resolve("WMO315_98025566_" + id + ".xml")).exists();
            }
            assertThat(gateway.state("WMO315", REFUSED)).isEqualTo(refusedState);
            assertThat(gateway.vecozoUit().resolve("WMO315_98025566_" + REFUSED + ".xml").toFile().exists()).isEqualTo(!refusedState.isEmpty());
            List<Path> reasons = files(gateway.fout()).stream().filter(f -> f.toString().endsWith("reden.txt")).toList();
            assertThat(reasons).hasSize(1);
            assertThat(reasons.get(0).getFileName().toString()).contains(REFUSED);
            assertThat(RunningGateway.text(reasons.get(0))).contains(reason);
        }
    }

    /** Refuses the record of one message, as a failing disk would refuse one commit. */
    public static final class RefusingRecord implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (Arrays.asList(newRow).contains(REFUSED)) {
                throw new SQLException("recording refused by the test");
            }
        }
    }

    /** Refuses the state VERZONDEN of one message, as a failing disk would refuse one commit. */
    public static final class RefusingSentState implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (!"VERZONDEN".equals(newRow[2])) {
                return;
            }
            try (PreparedStatement query = connection.prepareStatement("select identificatie from bericht where id = ?")) {
                query.setObject(1, newRow[1]);
                try (ResultSet message = query.executeQuery()) {
                    if (message.next() && REFUSED.equals(message.getString(1))) {
                        throw new SQLException("VERZONDEN refused by the test");
                    }
                }
            }
        }
    }
}
