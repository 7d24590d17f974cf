package nl.berichtenpoort.rules;

import static nl.berichtenpoort.rules.RuleTestSupport.assertOnly;
import static nl.berichtenpoort.rules.RuleTestSupport.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.berichtenpoort.rules.RuleTestSupport.RecordingGateway;
import nl.berichtenpoort.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules a gemeente checks on a verzoek om toewijzing (315) or wijziging (317) against the requests it received and
 * the answers it sent, each broken once and just passed once. Fixtures: aanbieder 98025566 asks gemeente 0384 for
 * client 999990019 in WMO315 (VOT-2025-0042 and VOT-2025-0043) and WMO317 (VOW-2025-0007); WMO319 turns the 317 down.
 */
class AanvraagRulesTest {

    private static final String VERZOEK = "/Bericht/Client/Verzoek";
    private static final String AANGEVRAAGD = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct";

    @TempDir
    Path folder;
    private RecordingGateway gateway;

    @BeforeEach
    void verzoekOmWijzigingWasAccepted() {
        gateway = new RecordingGateway(folder);
        gateway.accepted(Fixtures.text("WMO317"));
    }

    private List<Violation> check(String xml) {
        return new AanvraagRules(gateway.store, gateway.clientKeys).check(gateway.received(xml));
    }

    @Nested
    class Tr347 {
        @BeforeEach
        void verzoekWasTurnedDown() {
            gateway.sent(Fixtures.text("WMO319"));
        }

        @Test
        void aReferentieAanbiederTheAanbiederUsedBeforeIsRefusedWith9347() {
            assertOnly(check(Fixtures.withIdentity("WMO317", "T317-000502")), "TR347", "9347", VERZOEK);
        }

        @Test
        void aNewReferentieAanbiederPasses() {
            assertThat(check(Fixtures.withIdentity("WMO317", "T317-000502").replace(">VOW-2025-0007<", ">VOW-2025-0008<"))).isEmpty();
        }
    }

    @Nested
    class Tr374 {
        @Test
        void aRequestWhileAnEarlierOneIsNotAnsweredIsRefusedOnEveryProductWith9374() {
            List<Violation> found = check(Fixtures.text("WMO315"));

            assertThat(codes(found)).containsExactly("TR374", "TR374");
            assertThat(found).extracting(v -> v.rule().retourCode()).containsOnly("9374");
            assertThat(found).extracting(Violation::classPath).containsExactly(AANGEVRAAGD, AANGEVRAAGD + "[2]");
        }

        @Test
        void aRequestAfterTheEarlierOneWasTurnedDownPasses() {
            gateway.sent(Fixtures.text("WMO319"));

            assertThat(check(Fixtures.text("WMO315"))).isEmpty();
        }

        @Test
        void aRequestAfterTheEarlierOneWasHonouredByAToewijzingPasses() {
            gateway.sent(Fixtures.text("WMO301").replace(">VOT-2025-0042<", ">VOW-2025-0007<"));

            assertThat(check(Fixtures.text("WMO315"))).isEmpty();
        }

        @Test
        void anAnswerThatTheRequestIsUnderInvestigationLeavesItOpen() {
            gateway.sent(Fixtures.text("WMO319").replace("<wmo319:VerzoekAntwoord>1<", "<wmo319:VerzoekAntwoord>2<")
                    .replace("\t\t<wmo319:RedenAfwijzingVerzoek>2</wmo319:RedenAfwijzingVerzoek>\n", ""));

            assertThat(codes(check(Fixtures.text("WMO315")))).containsExactly("TR374", "TR374");
        }
    }
}
