package nl.berichtenpoort.rules;

import static nl.berichtenpoort.rules.RuleTestSupport.assertOnly;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.berichtenpoort.rules.RuleTestSupport.RecordingGateway;
import nl.berichtenpoort.testsupport.groenevink.Scenario;
import nl.berichtenpoort.testsupport.groenevink.ScenarioMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules a gemeente checks on a start (305) or stop (307) against the toewijzingen it sent and the starts and stops
 * it accepted before, each broken once and just passed once. Groene Vink scenario Van Dalen: gemeente 0384 assigns
 * toewijzing 1235 (01/01A04) to mevrouw Van Dalen (step 1), De Zorgende Hand starts it on 2025-04-10 (step 2) and
 * stops it when she dies on 2025-12-02 (step 4, RedenBeeindiging 02).
 */
class StartStopRulesTest {

    private static final Scenario VAN_DALEN = Scenario.load("wmo-van-dalen");
    private static final String STARTS = "/Bericht/Client/StartProducten/StartProduct";
    private static final String STOPS = "/Bericht/Client/StopProducten/StopProduct";

    @TempDir
    Path folder;
    private RecordingGateway gateway;

    @BeforeEach
    void toewijzingWasSent() {
        gateway = new RecordingGateway(folder);
        gateway.sent(step(1, "GV-DAL-01"));
    }

    private List<Violation> check(String xml) {
        return new StartStopRules(gateway.leveringen, new SentToewijzingen(gateway.store, gateway.clientKeys), gateway.clientKeys)
                .check(gateway.received(xml));
    }

    private static String step(int nr, String identificatie) {
        return new String(ScenarioMessages.of(VAN_DALEN, VAN_DALEN.stappen().get(nr - 1), identificatie), StandardCharsets.UTF_8);
    }

    /** The start of step 2: toewijzing 1235, 01/01A04, Begindatum 2025-04-10, StatusAanlevering 1. */
    private static String start(String identificatie) {
        return step(2, identificatie);
    }

    /** The stop of step 4 (Begindatum 2025-04-10) with this RedenBeeindiging and Einddatum. */
    private static String stop(String identificatie, String reden, String einddatum) {
        return step(4, identificatie).replace("RedenBeeindiging>02<", "RedenBeeindiging>" + reden + "<")
                .replace("Einddatum>2025-12-02<", "Einddatum>" + einddatum + "<");
    }

    /** The same line with StatusAanlevering 3: the earlier delivery with this key is withdrawn. */
    private static String withdrawing(String xml) {
        return xml.replace("StatusAanlevering>1<", "StatusAanlevering>3<");
    }

    @Nested
    class Tr019 {
        @Test
        void aStartOnAToewijzingNummerTheGemeenteNeverSentIsRefusedOnItsLineWith9019() {
            assertOnly(check(start("GV-DAL-02").replace(">1235<", ">1236<")), "TR019", "9019", STARTS);
        }

        @Test
        void aStartOnAToewijzingOfAnotherClientIsRefusedWith9019() {
            assertOnly(check(start("GV-DAL-02").replace(">456112777<", ">999990019<")), "TR019", "9019", STARTS);
        }

        @Test
        void aStartOnTheToewijzingTheGemeenteSentToThisClientPasses() {
            assertThat(check(start("GV-DAL-02"))).isEmpty();
        }
    }

    @Nested
    class Tr074 {
        @BeforeEach
        void startWasAccepted() {
            gateway.accepted(start("GV-DAL-02"));
        }

        @Test
        void theSameStartAgainUnderAnotherIdentificatieIsRefusedWith9074() {
            assertOnly(check(start("GV-DAL-02B")), "TR074", "9074", STARTS);
        }

        @Test
        void theSameStartAfterTheFirstWasWithdrawnPasses() {
            gateway.accepted(withdrawing(start("GV-DAL-02W")));

            assertThat(check(start("GV-DAL-02B"))).isEmpty();
        }
    }

    @Nested
    class Tr326 {
        private final String laterStart = start("GV-DAL-05").replace("Begindatum>2025-04-10<", "Begindatum>2025-05-01<")
                .replace("Dagtekening>2025-04-11<", "Dagtekening>2025-05-02<");

        @BeforeEach
        void startWasAccepted() {
            gateway.accepted(start("GV-DAL-02"));
        }

        @Test
        void aSecondStartWhileTheToewijzingHasAStartThatWasNotStoppedIsRefusedWith9326() {
            assertOnly(check(laterStart), "TR326", "9326", STARTS);
        }

        @Test
        void aNewStartAfterATemporaryStopPasses() {
            gateway.accepted(stop("GV-DAL-04T", "20", "2025-04-30"));

            assertThat(check(laterStart)).isEmpty();
        }
    }

    @Nested
    class Tr382 {
        @BeforeEach
        void startWasAccepted() {
            gateway.accepted(start("GV-DAL-02"));
        }

        @Test
        void aStopWithAnotherBegindatumThanItsStartIsRefusedWith9069() {
            String otherBegindatum = stop("GV-DAL-04", "02", "2025-12-02").replace("Begindatum>2025-04-10<", "Begindatum>2025-04-11<");

            assertOnly(check(otherBegindatum), "TR382", "9069", STOPS);
        }

        @Test
        void aStopWithTheKeyOfItsStartPasses() {
            assertThat(check(stop("GV-DAL-04", "02", "2025-12-02"))).isEmpty();
        }
    }

    @Nested
    class Tr413 {
        @BeforeEach
        void startAndTemporaryStopWereAccepted() {
            gateway.accepted(start("GV-DAL-02"));
            gateway.accepted(stop("GV-DAL-04T", "20", "2025-06-30"));
        }

        @Test
        void aSecondTemporaryStopIsRefusedWith9413() {
            assertOnly(check(stop("GV-DAL-04", "20", "2025-07-31")), "TR413", "9413", STOPS);
        }

        @Test
        void aDefinitiveStopAfterTheTemporaryStopPasses() {
            assertThat(check(stop("GV-DAL-04", "02", "2025-07-31"))).isEmpty();
        }
    }

    @Nested
    class Tr414 {
        @BeforeEach
        void startAndTemporaryStopWereAccepted() {
            gateway.accepted(start("GV-DAL-02"));
            gateway.accepted(stop("GV-DAL-04T", "20", "2025-06-30"));
        }

        @Test
        void aDefinitiveStopEndingBeforeTheTemporaryStopIsRefusedWith9414() {
            assertOnly(check(stop("GV-DAL-04", "02", "2025-06-29")), "TR414", "9414", STOPS);
        }

        @Test
        void aDefinitiveStopEndingOnTheSameDayAsTheTemporaryStopPasses() {
            assertThat(check(stop("GV-DAL-04", "02", "2025-06-30"))).isEmpty();
        }
    }

    @Nested
    class Tr415 {
        @BeforeEach
        void startAndDefinitiveStopWereAccepted() {
            gateway.accepted(start("GV-DAL-02"));
            gateway.accepted(stop("GV-DAL-04", "02", "2025-12-02"));
        }

        @Test
        void anotherStopAfterTheDefinitiveStopIsRefusedWith9415() {
            assertOnly(check(stop("GV-DAL-04B", "02", "2025-12-03")), "TR415", "9415", STOPS);
        }

        @Test
        void anotherStopAfterTheDefinitiveStopWasWithdrawnPasses() {
            gateway.accepted(withdrawing(stop("GV-DAL-04W", "02", "2025-12-02")));

            assertThat(check(stop("GV-DAL-04B", "02", "2025-12-03"))).isEmpty();
        }
    }

    @Nested
    class Tr063 {
        @Test
        void withdrawingAStartThatWasNeverReceivedIsRefusedWith9063() {
            assertOnly(check(withdrawing(start("GV-DAL-02W"))), "TR063", "9063", STARTS);
        }

        @Test
        void withdrawingTheStartThatWasReceivedPasses() {
            gateway.accepted(start("GV-DAL-02"));

            assertThat(check(withdrawing(start("GV-DAL-02W")))).isEmpty();
        }

        @Test
        void withdrawingAStopWithAnotherEinddatumThanTheStopThatWasReceivedIsRefusedWith9063() {
            gateway.accepted(start("GV-DAL-02"));
            gateway.accepted(stop("GV-DAL-04", "02", "2025-12-02"));

            assertOnly(check(withdrawing(stop("GV-DAL-04W", "02", "2025-12-03"))), "TR063", "9063", STOPS);
        }
    }

    @Nested
    class Tr071 {
        @BeforeEach
        void startAndStopWereAccepted() {
            gateway.accepted(start("GV-DAL-02"));
            gateway.accepted(stop("GV-DAL-04", "02", "2025-12-02"));
        }

        @Test
        void withdrawingAStartThatWasStoppedIsRefusedWith9071() {
            assertOnly(check(withdrawing(start("GV-DAL-02W"))), "TR071", "9071", STARTS);
        }

        @Test
        void withdrawingTheStartAfterItsStopWasWithdrawnPasses() {
            gateway.accepted(withdrawing(stop("GV-DAL-04W", "02", "2025-12-02")));

            assertThat(check(withdrawing(start("GV-DAL-02W")))).isEmpty();
        }
    }
}
