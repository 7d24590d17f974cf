package nl.berichtenpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.berichtenpoort.message.ClientRef;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The store on both databases it supports: H2 (embedded default) and PostgreSQL (production). */
class MessageStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));
    private static final MessageType WMO305 = type("WMO305");
    private static final MessageType WMO306 = type("WMO306");

    @TempDir
    static Path folder;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Function<Path, JdbcTemplate>) TestDatabase::h2),
                Arguments.of("PostgreSQL", (Function<Path, JdbcTemplate>) f -> TestDatabase.postgres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameBytesAreTheSameMessageOtherBytesUnderAUsedKeyAConflict(String name, Function<Path, JdbcTemplate> database) {
        MessageStore store = new MessageStore(database.apply(folder.resolve(name + "-1")), contents(name + "-1"), CLOCK);
        MessageIdentity identity = new MessageIdentity("98025566", "0384", "T305-1", "2026-11-20", null, null);

        Registration first = register(store, MessageStore.Direction.UIT, identity, "inhoud een", false);
        Registration again = register(store, MessageStore.Direction.UIT, identity, "inhoud een", false);
        Registration other = register(store, MessageStore.Direction.UIT, identity, "inhoud twee", false);
        Registration otherInbound = register(store, MessageStore.Direction.IN, identity, "inhoud een", true);
        Registration conflictRecorded = register(store, MessageStore.Direction.IN, identity, "inhoud twee", true);

        assertThat(first.outcome()).isEqualTo(Registration.Outcome.NEW);
        assertThat(again.outcome()).isEqualTo(Registration.Outcome.SAME_AGAIN);
        assertThat(again.stored().id()).isEqualTo(first.stored().id());
        assertThat(other.outcome()).isEqualTo(Registration.Outcome.CONFLICT);
        assertThat(otherInbound.outcome()).isEqualTo(Registration.Outcome.NEW);
        assertThat(conflictRecorded.outcome()).isEqualTo(Registration.Outcome.NEW_UNDER_USED_KEY);
        assertThat(store.underKey(MessageStore.Direction.IN, "WMO305", "98025566", "T305-1")).hasSize(2);
        assertThat(store.findWithContent(first.stored().id()).orElseThrow().content()).asString(StandardCharsets.UTF_8).isEqualTo("inhoud een");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statesHistoryReferencesClientsAndAnswersAreKeptAndSurviveAReopenedStore(String name, Function<Path, JdbcTemplate> database) {
        JdbcTemplate jdbc = database.apply(folder.resolve(name + "-2"));
        MessageStore store = new MessageStore(jdbc, contents(name + "-2"), CLOCK);
        long heen = register(store, MessageStore.Direction.UIT, new MessageIdentity("98025566", "0384", "T305-2", "2026-11-20", null, null),
                "start", false).stored().id();
        store.addClients(heen, List.of(new ClientRef("a".repeat(64), "*****0019")));
        store.addKeys(heen, ReferenceKind.PRODUCT, List.of("a".repeat(64) + "|T123|2025-03-05"));
        store.setState(heen, MessageState.VERZONDEN, null);
        long retour = store.register(MessageStore.Direction.IN, WMO306, new MessageIdentity("0384", "98025566", "R-1", "2026-11-21", "T305-2",
                "2026-11-20"), "retour.xml", "b".repeat(64), 6, () -> new ByteArrayInputStream("retour".getBytes()), MessageState.ONTVANGEN,
                false).stored().id();
        store.linkAnswer(retour, heen);
        store.setState(heen, MessageState.AFGEKEURD, "WMO306 R-1", "gateway");
        store.setRetourCodes(heen, "- 9019 ...");

        MessageStore reopened = new MessageStore(jdbc, contents(name + "-2"), CLOCK);
        assertThat(reopened.find(heen).orElseThrow().state()).isEqualTo(MessageState.AFGEKEURD);
        assertThat(reopened.find(heen).orElseThrow().retourCodes()).isEqualTo("- 9019 ...");
        assertThat(reopened.history(heen)).extracting(StateChange::state)
                .containsExactly(MessageState.ONTVANGEN, MessageState.VERZONDEN, MessageState.AFGEKEURD);
        assertThat(reopened.clients(heen)).containsExactly(new ClientRef("a".repeat(64), "*****0019"));
        assertThat(reopened.findByKey(MessageStore.Direction.UIT, List.of("WMO305"), "98025566", "0384", ReferenceKind.PRODUCT,
                "a".repeat(64) + "|T123|2025-03-05")).extracting(StoredMessage::id).containsExactly(heen);
        assertThat(reopened.find(MessageStore.Direction.UIT, "WMO305", "98025566", "T305-2", "2026-11-20")).isPresent();
        assertThat(reopened.answersTo(heen, MessageStore.Direction.IN)).extracting(StoredMessage::id).containsExactly(retour);
        assertThat(reopened.nextNumber()).isLessThan(reopened.nextNumber());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deadlinesDeadLettersToewijzingenAndSequencingLiveInTheSameDatabase(String name, Function<Path, JdbcTemplate> database) {
        JdbcTemplate jdbc = database.apply(folder.resolve(name + "-3"));
        MessageStore store = new MessageStore(jdbc, contents(name + "-3"), CLOCK);
        Deadlines deadlines = new Deadlines(jdbc, CLOCK);
        DeadLetterStore deadLetters = new DeadLetterStore(jdbc, CLOCK);
        Toewijzingen toewijzingen = new Toewijzingen(jdbc);
        long start = register(store, MessageStore.Direction.UIT, new MessageIdentity("98025566", "0384", "T305-3", "2026-11-20", null, null),
                "start", false).stored().id();
        long stop = register(store, MessageStore.Direction.UIT, new MessageIdentity("98025566", "0384", "T305-4", "2026-11-20", null, null),
                "stop", false).stored().id();

        deadlines.open(start, Deadline.Kind.RETOUR, LocalDate.of(2026, 11, 25));
        deadlines.open(stop, Deadline.Kind.RETOUR, LocalDate.of(2026, 11, 30));
        assertThat(deadlines.newlyOverdue(LocalDate.of(2026, 11, 26))).extracting(Deadline::messageId).containsExactly(start);
        deadlines.markLate(deadlines.newlyOverdue(LocalDate.of(2026, 11, 26)).get(0).id());
        assertThat(deadlines.newlyOverdue(LocalDate.of(2026, 11, 26))).isEmpty();
        assertThat(deadlines.overdue()).extracting(Deadline::messageId).containsExactly(start);
        assertThat(deadlines.fulfil(start, Deadline.Kind.RETOUR, stop)).isPresent();
        assertThat(deadlines.overdue()).isEmpty();

        long entry = deadLetters.add(DeadLetter.Kind.FOUT, start, "start.xml", "WMO305", "T305-3", MessageStore.Direction.UIT, "TECHNICAL",
                "start.xml: technical failure", "data/fout/x");
        assertThat(deadLetters.list(DeadLetter.Kind.FOUT, DeadLetter.Status.OPEN)).extracting(DeadLetter::id).containsExactly(entry);
        assertThat(deadLetters.list(null, null)).hasSize(1);
        assertThat(deadLetters.handle(entry, DeadLetter.Status.GESLOTEN, "opgelost buiten het berichtenverkeer", "operator")).isTrue();
        assertThat(deadLetters.handle(entry, DeadLetter.Status.GESLOTEN, "nog eens", "operator")).isFalse();
        assertThat(deadLetters.find(entry).orElseThrow().handledBy()).isEqualTo("operator");

        toewijzingen.remember("iwmo", "0384", 7L, "c".repeat(64), "02/02A01", start);
        toewijzingen.remember("iwmo", "0384", 7L, "d".repeat(64), "02/02A01", stop);
        assertThat(toewijzingen.find("iwmo", "0384", 7L).orElseThrow().clientKey()).isEqualTo("c".repeat(64));

        store.setState(stop, MessageState.WACHT_OP_VOORGANGER, null);
        store.addPredecessor(stop, start);
        store.addPredecessor(stop, start);
        assertThat(store.successors(start)).extracting(StoredMessage::id).containsExactly(stop);
        assertThat(store.predecessors(stop)).extracting(StoredMessage::id).containsExactly(start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theBytesAreAFileNamedByTheirSha256BesideTheRowAndOlderRowsKeepTheirsInTheColumn(String name, Function<Path, JdbcTemplate> database) {
        JdbcTemplate jdbc = database.apply(folder.resolve(name + "-4"));
        MessageStore store = new MessageStore(jdbc, contents(name + "-4"), CLOCK);
        StoredMessage stored = register(store, MessageStore.Direction.UIT, new MessageIdentity("98025566", "0384", "T305-9", "2026-11-20",
                null, null), "de inhoud", false).stored();

        assertThat(jdbc.queryForObject("select inhoud from bericht where id = ?", byte[].class, stored.id())).isNull();
        assertThat(folder.resolve(name + "-4-inhoud").resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256() + ".xml"))
                .hasContent("de inhoud");
        assertThat(store.findWithContent(stored.id()).orElseThrow().content()).asString(StandardCharsets.UTF_8).isEqualTo("de inhoud");

        jdbc.update("update bericht set inhoud = ? where id = ?", "van voor V5".getBytes(StandardCharsets.UTF_8), stored.id());
        assertThat(store.findWithContent(stored.id()).orElseThrow().content()).asString(StandardCharsets.UTF_8).isEqualTo("van voor V5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theNewestMessagesComeFirstAndNoMoreThanAskedFor(String name, Function<Path, JdbcTemplate> database) {
        MessageStore store = new MessageStore(database.apply(folder.resolve(name + "-5")), contents(name + "-5"), CLOCK);
        for (int i = 1; i <= 5; i++) {
            long id = register(store, MessageStore.Direction.UIT, new MessageIdentity("98025566", "0384", "T305-L" + i, "2026-11-20", null, null),
                    "bericht " + i, false).stored().id();
            if (i % 2 == 1) {
                store.setState(id, MessageState.VERZONDEN, null);
            }
        }

        assertThat(store.latest(2)).extracting(StoredMessage::identificatie).containsExactly("T305-L5", "T305-L4");
        assertThat(store.inState(MessageState.VERZONDEN, 2)).extracting(StoredMessage::identificatie).containsExactly("T305-L5", "T305-L3");
        assertThat(store.inState(MessageState.ONTVANGEN, 10)).extracting(StoredMessage::identificatie).containsExactly("T305-L4", "T305-L2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMessagesStatesReferencesAndClientsAreIndexedByTheMessageOnce(String name, Function<Path, JdbcTemplate> database) {
        JdbcTemplate jdbc = database.apply(folder.resolve(name + "-6"));

        for (String table : List.of("bericht_status", "bericht_sleutel", "bericht_client")) {
            // every index whose first column is bericht_id: H2 made one for the foreign key, PostgreSQL has only the explicit one
            List<String> byMessage = name.equals("H2")
                    ? jdbc.queryForList("select index_name from information_schema.index_columns where table_schema = 'PUBLIC'"
                            + " and table_name = ? and column_name = 'BERICHT_ID' and ordinal_position = 1", String.class, table.toUpperCase())
                    : jdbc.queryForList("select indexname from pg_indexes where tablename = ? and indexdef like '%(bericht_id)'", String.class, table);
            assertThat(byMessage).as(table).hasSize(1);
        }
        if (name.equals("H2")) {
            assertThat(jdbc.queryForObject("explain select waarde from bericht_sleutel where bericht_id = 1 and soort = 'PRODUCT'", String.class))
                    .contains("CONSTRAINT_INDEX");
        }
    }

    @Test
    void h2HandsOutIdentityNumbersInBlocksOfAThousandAndNeverOneTwiceAfterAKill() {
        Path database = folder.resolve("H2-numbers");
        JdbcTemplate migrated = TestDatabase.h2(database);
        assertThat(migrated.queryForList("select identity_cache from information_schema.columns where table_schema = 'PUBLIC'"
                + " and is_identity = 'YES'", Long.class)).hasSize(7).containsOnly(1000L);
        String url = "jdbc:h2:file:" + database.resolve("store").toAbsolutePath() + ";WRITE_DELAY=0";

        SingleConnectionDataSource before = new SingleConnectionDataSource(url, "sa", "", true);
        MessageStore store = new MessageStore(new JdbcTemplate(before), contents("H2-numbers"), CLOCK);
        long last = 0;
        for (int i = 0; i < 5; i++) {
            last = store.nextNumber();
        }
        // a kill: H2 closes its file without writing anything more
        new JdbcTemplate(before).execute("shutdown immediately");
        before.destroy();

        SingleConnectionDataSource after = new SingleConnectionDataSource(url, "sa", "", true);
        assertThat(new MessageStore(new JdbcTemplate(after), contents("H2-numbers"), CLOCK).nextNumber()).isGreaterThan(last);
        after.destroy();
    }

    private static ContentFiles contents(String name) {
        // PostgreSQL forces its commits to disk, so its content files are forced too (berichtenpoort.store.sync-content)
        return new ContentFiles(folder.resolve(name + "-inhoud"), name.startsWith("PostgreSQL"));
    }

    private static Registration register(MessageStore store, MessageStore.Direction direction, MessageIdentity identity, String content,
                                         boolean conflicts) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha = String.format("%064x", new java.math.BigInteger(1, bytes));
        return store.register(direction, WMO305, identity, content + ".xml", sha.substring(sha.length() - 64), bytes.length,
                () -> new ByteArrayInputStream(bytes), MessageState.ONTVANGEN, conflicts);
    }

    private static MessageType type(String name) {
        return REGISTRY.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
