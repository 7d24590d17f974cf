package nl.berichtenpoort.rules;

import static nl.berichtenpoort.rules.RuleTestSupport.assertOnly;
import static nl.berichtenpoort.rules.RuleTestSupport.codes;
import static nl.berichtenpoort.rules.RuleTestSupport.context;
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
 * The rules a gemeente checks on a declaratie (323), each broken once and just passed once: first those on the message
 * alone (DeclaratieInhoudRules, RetourCode 0001), then those against the toewijzing it sent and the declaraties it
 * received (DeclaratieRules, the rule's own code on the Prestatie). Groene Vink scenario Van Dalen: gemeente 0384
 * assigns toewijzing 1235 (01/01A04, 6 uur per week, 2025-04-07 to 2025-12-31; step 1) and De Zorgende Hand declares
 * October 2025 (step 3: DeclaratieNummer DAL202510, 12 uur at 1200, 14400 in total).
 */
class DeclaratieRulesTest {

    private static final Scenario VAN_DALEN = Scenario.load("wmo-van-dalen");
    private static final String DECLARATIE = step(3, "GV-DAL-03");
    private static final String PERIODE = "/Bericht/Declaratie/DeclaratiePeriode";
    private static final String PRESTATIE = "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie";
    private static final String TECHNICAL = "0001";

    private static String step(int nr, String identificatie) {
        return new String(ScenarioMessages.of(VAN_DALEN, VAN_DALEN.stappen().get(nr - 1), identificatie), StandardCharsets.UTF_8);
    }

    /** The declaratie of step 3 over another month: its DeclaratiePeriode and ProductPeriode both from first to last. */
    private static String month(String first, String last) {
        return DECLARATIE.replace(">2025-10-01<", ">" + first + "<").replace(">2025-10-31<", ">" + last + "<");
    }

    private static String declaratiePeriode(String xml, String begin, String end) {
        return period(xml, "DeclaratiePeriode", begin, end);
    }

    private static String productPeriode(String xml, String begin, String end) {
        return period(xml, "ProductPeriode", begin, end);
    }

    private static String period(String xml, String name, String begin, String end) {
        return xml.replaceFirst("<wmo323:" + name + "><iwmo:Begindatum>[^<]*</iwmo:Begindatum><iwmo:Einddatum>[^<]*<",
                "<wmo323:" + name + "><iwmo:Begindatum>" + begin + "</iwmo:Begindatum><iwmo:Einddatum>" + end + "<");
    }

    /** The prestatie of step 3 with another volume, eenheid, tarief (null: none) and amount; the total follows the amount. */
    private static String prestatie(long volume, String eenheid, Long tarief, long bedrag) {
        return DECLARATIE.replace("<wmo323:GeleverdVolume>12</wmo323:GeleverdVolume><wmo323:Eenheid>04</wmo323:Eenheid>"
                        + "<wmo323:ProductTarief>1200</wmo323:ProductTarief><wmo323:IngediendBedrag><iwmo:Bedrag>14400<",
                "<wmo323:GeleverdVolume>" + volume + "</wmo323:GeleverdVolume><wmo323:Eenheid>" + eenheid + "</wmo323:Eenheid>"
                        + (tarief == null ? "" : "<wmo323:ProductTarief>" + tarief + "</wmo323:ProductTarief>")
                        + "<wmo323:IngediendBedrag><iwmo:Bedrag>" + bedrag + "<")
                .replace("<iwmo:TotaalBedrag>14400<", "<iwmo:TotaalBedrag>" + bedrag + "<");
    }

    private static List<Violation> inhoud(String xml) {
        return new DeclaratieInhoudRules().check(context(xml));
    }

    @Test
    void theDeclaratieOfTheScenarioPassesEveryRuleOnTheMessage() {
        assertThat(inhoud(DECLARATIE)).isEmpty();
    }

    @Nested
    class Cs340 {
        @Test
        void aDeclaratiePeriodeThatDoesNotBeginOnTheFirstOfTheMonthIsRefusedWith0001() {
            assertOnly(inhoud(declaratiePeriode(DECLARATIE, "2025-10-02", "2025-10-31")), "CS340", TECHNICAL, PERIODE);
        }

        @Test
        void aDeclaratiePeriodeOfOneWholeMonthPasses() {
            assertThat(inhoud(month("2025-02-01", "2025-02-28"))).isEmpty();
        }
    }

    @Nested
    class Cs337 {
        @Test
        void aProductPeriodeOverTwoMonthsIsRefusedWith0001() {
            assertOnly(inhoud(productPeriode(DECLARATIE, "2025-09-30", "2025-10-31")), "CS337", TECHNICAL, PRESTATIE);
        }

        @Test
        void aProductPeriodeWithinOneMonthPasses() {
            assertThat(inhoud(productPeriode(DECLARATIE, "2025-10-01", "2025-10-31"))).isEmpty();
        }
    }

    @Nested
    class Tr137 {
        @Test
        void periodsEndingAfterTheDagtekeningOfTheMessageAreRefusedWith0001() {
            List<Violation> found = inhoud(DECLARATIE.replace("<iwmo:Dagtekening>2025-11-04<", "<iwmo:Dagtekening>2025-10-30<"));

            assertThat(codes(found)).containsExactly("TR137", "TR137");
            assertThat(found).extracting(v -> v.rule().retourCode()).containsOnly(TECHNICAL);
            assertThat(found).extracting(Violation::classPath).containsExactly(PERIODE, PRESTATIE);
        }

        @Test
        void periodsEndingOnTheDagtekeningPass() {
            assertThat(inhoud(DECLARATIE.replace("<iwmo:Dagtekening>2025-11-04<", "<iwmo:Dagtekening>2025-10-31<"))).isEmpty();
        }
    }

    @Nested
    class Tr319 {
        @Test
        void aProductPeriodeAfterTheDeclaratiePeriodeIsRefusedWith0001() {
            assertOnly(inhoud(declaratiePeriode(DECLARATIE, "2025-09-01", "2025-09-30")), "TR319", TECHNICAL, PRESTATIE);
        }

        @Test
        void aProductPeriodeInAnEarlierDeclaratiePeriodePasses() {
            assertThat(inhoud(productPeriode(DECLARATIE, "2025-09-01", "2025-09-30"))).isEmpty();
        }
    }

    @Nested
    class Cs100 {
        @Test
        void periodsBeginningBefore2021AreRefusedWith0001() {
            List<Violation> found = inhoud(month("2020-12-01", "2020-12-31"));

            assertThat(codes(found)).containsExactly("CS100", "CS100");
            assertThat(found).extracting(v -> v.rule().retourCode()).containsOnly(TECHNICAL);
            assertThat(found).extracting(Violation::classPath).containsExactly(PERIODE, PRESTATIE);
        }

        @Test
        void periodsBeginningOnTheFirstOfJanuary2021Pass() {
            assertThat(inhoud(month("2021-01-01", "2021-01-31"))).isEmpty();
        }
    }

    @Nested
    class Cd087 {
        @Test
        void aPrestatieInHoursWithoutTariefIsRefusedWith0001() {
            assertOnly(inhoud(prestatie(12, "04", null, 14400)), "CD087", TECHNICAL, PRESTATIE);
        }

        @Test
        void aPrestatieInEurosWithATariefIsRefusedWith0001() {
            assertOnly(inhoud(prestatie(14400, "83", 1L, 14400)), "CD087", TECHNICAL, PRESTATIE);
        }

        @Test
        void aPrestatieInEurosWithoutTariefPasses() {
            assertThat(inhoud(prestatie(14400, "83", null, 14400))).isEmpty();
        }
    }

    @Nested
    class Cs339 {
        @Test
        void aPrestatieInEurosWhoseAmountIsNotItsVolumeIsRefusedWith0001() {
            assertOnly(inhoud(prestatie(14399, "83", null, 14400)), "CS339", TECHNICAL, PRESTATIE);
        }

        @Test
        void aPrestatieInEurosWhoseAmountIsItsVolumePasses() {
            assertThat(inhoud(prestatie(14400, "83", null, 14400))).isEmpty();
        }
    }

    @Nested
    class Tr358 {
        @Test
        void aTotalThatIsNotTheSumOfThePrestatiesIsRefusedOnTheDeclaratieWith0001() {
            assertOnly(inhoud(DECLARATIE.replace("<iwmo:TotaalBedrag>14400<", "<iwmo:TotaalBedrag>14401<")), "TR358", TECHNICAL,
                    "/Bericht/Declaratie");
        }

        @Test
        void aCreditTotalOfACreditPrestatiePasses() {
            assertThat(inhoud(DECLARATIE.replace("<iwmo:DebetCredit>D<", "<iwmo:DebetCredit>C<"))).isEmpty();
        }
    }

    /** DeclaratieRules: checked against what the gemeente sent and received, recorded as the gateway records it. */
    @Nested
    class AgainstTheToewijzing {

        @TempDir
        Path folder;
        private RecordingGateway gateway;

        @BeforeEach
        void toewijzingWasSent() {
            gateway = new RecordingGateway(folder);
            gateway.sent(step(1, "GV-DAL-01"));
        }

        private List<Violation> check(String xml) {
            return new DeclaratieRules(gateway.store, new SentToewijzingen(gateway.store, gateway.clientKeys), gateway.clientKeys)
                    .check(gateway.received(xml));
        }

        /** A later toewijzingsbericht (Toewijzingstijd 17:00) that gives toewijzing 1235 this Einddatum and RedenWijziging. */
        private void toewijzingChanged(String einddatum, String redenWijziging) {
            gateway.sent(step(1, "GV-DAL-01B").replace("Toewijzingstijd>16:12:58<", "Toewijzingstijd>17:00:00<")
                    .replace("<wmo301:Einddatum>2025-12-31</wmo301:Einddatum>", "<wmo301:Einddatum>" + einddatum
                            + "</wmo301:Einddatum><wmo301:RedenWijziging>" + redenWijziging + "</wmo301:RedenWijziging>"));
        }

        @Test
        void theDeclaratieOfTheScenarioPasses() {
            assertThat(check(DECLARATIE)).isEmpty();
        }

        @Nested
        class Tr333 {
            @BeforeEach
            void declaratieWasAccepted() {
                gateway.accepted(DECLARATIE);
            }

            @Test
            void aDeclaratieNummerTheAanbiederUsedBeforeIsRefusedOnTheDeclaratieWith9333() {
                assertOnly(check(step(3, "GV-DAL-03B")), "TR333", "9333", "/Bericht/Declaratie");
            }

            @Test
            void aNewDeclaratieNummerPasses() {
                assertThat(check(step(3, "GV-DAL-03B").replace(">DAL202510<", ">DAL202510B<"))).isEmpty();
            }
        }

        @Nested
        class Tr338 {
            @Test
            void aPrestatieOnAToewijzingNummerTheGemeenteNeverSentIsRefusedWith9338() {
                assertOnly(check(DECLARATIE.replace("<wmo323:ToewijzingNummer>1235<", "<wmo323:ToewijzingNummer>1236<")), "TR338", "9338",
                        PRESTATIE);
            }

            @Test
            void aPrestatieOnTheToewijzingOfAnotherClientIsRefusedWith9338() {
                assertOnly(check(DECLARATIE.replace(">456112777<", ">999990019<")), "TR338", "9338", PRESTATIE);
            }

            @Test
            void aPrestatieOnTheToewijzingOfThisClientPasses() {
                assertThat(check(DECLARATIE)).isEmpty();
            }
        }

        @Nested
        class Tr384 {
            private final String onTheLastDay = productPeriode(month("2025-04-01", "2025-04-30"), "2025-04-07", "2025-04-07");

            @Test
            void aPrestatieOnARemovedToewijzingIsRefusedWith9384() {
                toewijzingChanged("2025-04-07", "13");

                assertOnly(check(onTheLastDay), "TR384", "9384", PRESTATIE);
            }

            @Test
            void aPrestatieOnAToewijzingShortenedToOneDayPasses() {
                toewijzingChanged("2025-04-07", "05");

                assertThat(check(onTheLastDay)).isEmpty();
            }
        }

        @Nested
        class Tr339 {
            @Test
            void anotherProductCategorieThanAssignedIsRefusedWith9339() {
                assertOnly(check(DECLARATIE.replace("<wmo323:ProductCategorie>01<", "<wmo323:ProductCategorie>02<")), "TR339", "9339",
                        PRESTATIE);
            }

            @Test
            void theAssignedProductCategoriePasses() {
                assertThat(check(DECLARATIE)).isEmpty();
            }
        }

        @Nested
        class Tr340 {
            @Test
            void anotherProductCodeThanAssignedIsRefusedWith9340() {
                assertOnly(check(DECLARATIE.replace("<wmo323:ProductCode>01A04<", "<wmo323:ProductCode>01A05<")), "TR340", "9340",
                        PRESTATIE);
            }

            @Test
            void anyProductCodeOnAToewijzingOfTheCategorieAlonePasses() {
                gateway.sent(step(1, "GV-DAL-01B").replace("Toewijzingstijd>16:12:58<", "Toewijzingstijd>17:00:00<")
                        .replace("<iwmo:Code>01A04</iwmo:Code>", "").replaceFirst("<wmo301:Omvang>.*</wmo301:Omvang>", ""));

                assertThat(check(DECLARATIE.replace("<wmo323:ProductCode>01A04<", "<wmo323:ProductCode>01A05<"))).isEmpty();
            }
        }

        @Nested
        class Tr341 {
            @Test
            void anotherEenheidThanAssignedIsRefusedWith9341() {
                assertOnly(check(prestatie(12, "16", 1200L, 14400)), "TR341", "9341", PRESTATIE);
            }

            @Test
            void minutesOnAToewijzingInHoursPass() {
                assertThat(check(prestatie(720, "01", 20L, 14400))).isEmpty();
            }
        }

        @Nested
        class Tr307 {
            @Test
            void aProductPeriodeBeforeTheIngangsdatumIsRefusedWith9307() {
                assertOnly(check(month("2025-03-01", "2025-03-31")), "TR307", "9307", PRESTATIE);
            }

            @Test
            void aProductPeriodeFromTheIngangsdatumPasses() {
                assertThat(check(productPeriode(month("2025-04-01", "2025-04-30"), "2025-04-07", "2025-04-30"))).isEmpty();
            }
        }

        @Nested
        class Tr308 {
            @Test
            void aProductPeriodeAfterTheEinddatumIsRefusedWith9308() {
                assertOnly(check(month("2026-01-01", "2026-01-31")), "TR308", "9308", PRESTATIE);
            }

            @Test
            void aProductPeriodeUntilTheEinddatumPasses() {
                assertThat(check(month("2025-12-01", "2025-12-31"))).isEmpty();
            }
        }

        @Nested
        class Tr387 {
            private final String april = month("2025-04-01", "2025-04-30");

            @Test
            void aProductPeriodeBeginningAfterTheIngangsdatumInItsMonthIsRefusedWith9387() {
                assertOnly(check(productPeriode(april, "2025-04-08", "2025-04-30")), "TR387", "9387", PRESTATIE);
            }

            @Test
            void aProductPeriodeBeginningOnTheIngangsdatumLaterInItsMonthPasses() {
                assertThat(check(productPeriode(april, "2025-04-07", "2025-04-30"))).isEmpty();
            }
        }

        @Nested
        class Tr388 {
            private final String december = month("2025-12-01", "2025-12-31");

            @BeforeEach
            void toewijzingEndsWhenTheClientDies() {
                toewijzingChanged("2025-12-02", "02");
            }

            @Test
            void aProductPeriodeEndingBeforeTheEinddatumInItsMonthIsRefusedWith9388() {
                assertOnly(check(productPeriode(december, "2025-12-01", "2025-12-01")), "TR388", "9388", PRESTATIE);
            }

            @Test
            void aProductPeriodeEndingOnTheEinddatumEarlierInItsMonthPasses() {
                assertThat(check(productPeriode(december, "2025-12-01", "2025-12-02"))).isEmpty();
            }
        }

        @Nested
        class Tr321 {
            @Test
            void moreThanSixTimesTheWeeklyVolumeOfHulpBijHetHuishoudenInAMonthIsRefusedWith9321() {
                assertOnly(check(prestatie(37, "04", 1200L, 44400)), "TR321", "9321", PRESTATIE);
            }

            @Test
            void sixTimesTheWeeklyVolumeOfHulpBijHetHuishoudenInAMonthPasses() {
                assertThat(check(prestatie(36, "04", 1200L, 43200))).isEmpty();
            }
        }

        @Nested
        class Tr346 {
            @Test
            void anAmountThatIsNotVolumeTimesTariefIsRefusedWith9346() {
                assertOnly(check(prestatie(12, "04", 1200L, 14401)), "TR346", "9346", PRESTATIE);
            }

            @Test
            void anAmountThatIsVolumeTimesTariefPasses() {
                assertThat(check(prestatie(12, "04", 1200L, 14400))).isEmpty();
            }

            /**
             * IV081: an hourly tarief (68,50) declared in minutes goes into ProductTarief per minute, rounded to the cent
             * (1,14), but the amount is uurtarief times minutes / 60, rounded: 90 minutes are 102,75, not 90 x 1,14.
             */
            @Test
            void minutesAtAnHourlyTariefCountedAsIv081PrescribesPass() {
                assertThat(check(prestatie(90, "01", 114L, 10275))).isEmpty();
            }

            /** The hourly tarieven that round to 1,14 a minute are 68,10 to 68,69: for 90 minutes at most 103,04. */
            @Test
            void minutesAtAnAmountNoHourlyTariefWithThatMinuteTariefGivesAreRefusedWith9346() {
                assertOnly(check(prestatie(90, "01", 114L, 10305)), "TR346", "9346", PRESTATIE);
            }
        }
    }
}
