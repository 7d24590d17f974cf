package nl.berichtenpoort.rules;

import static nl.berichtenpoort.rules.RuleTestSupport.codes;
import static nl.berichtenpoort.rules.RuleTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.ContentFiles;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.Registration;
import nl.berichtenpoort.store.Toewijzingen;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rules checked against the store (TR056, TR332, TR379, TR355), each broken once and just passed once. */
class StoreRulesTest {

    @TempDir
    Path folder;
    private MessageStore store;
    private Toewijzingen toewijzingen;
    private final ClientKeys clientKeys = new ClientKeys("een geheim van minstens zestien tekens".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void database() {
        JdbcTemplate jdbc = TestDatabase.h2(folder);
        store = new MessageStore(jdbc, new ContentFiles(folder.resolve("inhoud"), false), Clock.system(ZoneId.of("Europe/Amsterdam")));
        toewijzingen = new Toewijzingen(jdbc);
    }

    /** Records a message as the inbound flow does and returns its store id. */
    private long received(String xml) {
        return record(MessageStore.Direction.IN, xml, true).stored().id();
    }

    private Registration record(MessageStore.Direction direction, String xml, boolean conflicts) {
        RuleContext context = context(xml);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return store.register(direction, context.type(), context.identity(), "bericht.xml", Integer.toHexString(xml.hashCode()) + "0".repeat(56),
                bytes.length, () -> new java.io.ByteArrayInputStream(bytes), MessageState.ONTVANGEN, conflicts);
    }

    /** Records a request (315 or 317) as sent, with the ReferentieAanbieder it carries. */
    private void sent(String type, String referentie) {
        long id = record(MessageStore.Direction.UIT, Fixtures.text(type), false).stored().id();
        store.addKeys(id, ReferenceKind.REFERENTIE_AANBIEDER, List.of(referentie));
    }

    @Nested
    class Tr056 {
        @Test
        void aSecondMessageUnderAUsedIdentificatieIsRefusedOnItsHeaderWith9056() {
            received(Fixtures.text("WMO301"));
            String other = Fixtures.text("WMO301").replace("Cliënt is slechthorend", "Cliënt hoort slecht");
            long second = received(other);

            List<Violation> found = new IdentificatieRules(store).check(context(other, second));

            assertThat(codes(found)).containsExactly("TR056");
            assertThat(found.get(0).rule().retourCode()).isEqualTo("9056");
            assertThat(found.get(0).classPath()).isEqualTo("/Bericht/Header");
        }

        @Test
        void theFirstMessageUnderAnIdentificatiePasses() {
            long first = received(Fixtures.text("WMO301"));

            assertThat(new IdentificatieRules(store).check(context(Fixtures.text("WMO301"), first))).isEmpty();
        }
    }

    @Nested
    class Tr332 {
        private ToewijzingRules rules() {
            return new ToewijzingRules(toewijzingen, clientKeys, new SentRequests(store));
        }

        @BeforeEach
        void requestWasSent() {
            sent("WMO315", "VOT-2025-0042");
        }

        @Test
        void aToewijzingNummerThatStandsForAnotherClientIsRefusedOnItsProductWith9332() {
            toewijzingen.remember("iwmo", "0384", 123450001L, clientKeys.of("999990020"), "02/02A01", 1);

            List<Violation> found = rules().check(context(Fixtures.text("WMO301")));

            assertThat(codes(found)).containsExactly("TR332");
            assertThat(found.get(0).classPath()).isEqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct");
            assertThat(found.get(0).message()).contains("another client");
        }

        @Test
        void theSameToewijzingAgainInALaterToewijzingsberichtPasses() {
            toewijzingen.remember("iwmo", "0384", 123450001L, clientKeys.of("999990019"), "02/02A01", 1);

            assertThat(rules().check(context(Fixtures.text("WMO301")))).isEmpty();
        }

        @Test
        void theSameNumberInTheOtherLegalDomainPasses() {
            toewijzingen.remember("ijw", "0384", 123450001L, clientKeys.of("999990020"), "45/45A01", 1);

            assertThat(rules().check(context(Fixtures.text("WMO301")))).isEmpty();
        }
    }

    @Nested
    class Tr379 {
        private ToewijzingRules rules() {
            return new ToewijzingRules(toewijzingen, clientKeys, new SentRequests(store));
        }

        @Test
        void aReferentieAanbiederThatNamesNoRequestOfOursIsRefusedWith9379() {
            List<Violation> found = rules().check(context(Fixtures.text("WMO301")));

            assertThat(codes(found)).containsExactly("TR379");
            assertThat(found.get(0).rule().retourCode()).isEqualTo("9379");
        }

        @Test
        void aReferentieAanbiederOfARequestWeSentToThisGemeentePasses() {
            sent("WMO315", "VOT-2025-0042");

            assertThat(rules().check(context(Fixtures.text("WMO301")))).isEmpty();
        }
    }

    @Nested
    class Tr355 {
        @Test
        void anAnswerToNoRequestOfOursIsRefusedOnTheAntwoordWith9355() {
            List<Violation> found = new VerzoekRules(new SentRequests(store)).check(context(Fixtures.text("WMO319")));

            assertThat(codes(found)).containsExactly("TR355");
            assertThat(found.get(0).classPath()).isEqualTo("/Bericht/Antwoord");
        }

        @Test
        void anAnswerToOurVerzoekOmWijzigingPasses() {
            sent("WMO317", "VOW-2025-0007");

            assertThat(new VerzoekRules(new SentRequests(store)).check(context(Fixtures.text("WMO319")))).isEmpty();
        }
    }
}
