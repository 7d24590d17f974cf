package nl.berichtenpoort.rules;

import static nl.berichtenpoort.rules.RuleTestSupport.codes;
import static nl.berichtenpoort.rules.RuleTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.berichtenpoort.testsupport.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message-level rules (RetourCode 0001), each with a message that breaks it and one that just passes. The rich
 * fixtures pass every rule; each test changes one thing.
 */
class MessageLevelRulesTest {

    private static final String WMO301 = Fixtures.text("WMO301");

    private static List<Violation> check(RuleFamily family, String xml) {
        return family.check(context(xml));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "JW301", "JW305", "JW307", "JW315", "JW317", "JW319",
                            "WMO323", "JW323"})
    void everyFixturePassesEveryMessageLevelRule(String type) {
        RuleContext context = context(Fixtures.text(type));
        for (RuleFamily family : List.of(new BsnRules(), new DateRules(), new ClientRules(), new DuplicateLineRules(), new ProductRules(),
                new AntwoordRules())) {
            assertThat(family.check(context)).as(family.getClass().getSimpleName()).isEmpty();
        }
    }

    @Nested
    class Cs002 {
        @Test
        void aBsnThatFailsTheElfproefIsRefusedAndNamedMasked() {
            List<Violation> found = check(new BsnRules(), WMO301.replace(">999990019<", ">999990018<"));

            assertThat(codes(found)).containsExactly("CS002");
            assertThat(found.get(0).message()).isEqualTo("Bsn *****0018 does not pass the 11-proef");
            assertThat(found.get(0).classPath()).isEqualTo("/Bericht/Client");
            assertThat(found.get(0).rule().retourCode()).isEqualTo("0001");
        }

        @Test
        void aValidTestBsnPasses() {
            assertThat(check(new BsnRules(), WMO301.replace(">999990019<", ">999990020<"))).isEmpty();
        }
    }

    @Nested
    class Tr002 {
        @Test
        void aBirthDateMoreThan120YearsBeforeTheDagtekeningIsRefused() {
            assertThat(codes(check(new DateRules(), WMO301.replace(">1948-05-01<", ">1905-03-02<")))).containsExactly("TR002");
        }

        @Test
        void exactly120YearsPasses() {
            assertThat(check(new DateRules(), WMO301.replace(">1948-05-01<", ">1905-03-03<"))).isEmpty();
        }

        @Test
        void anUnknownBirthDatePassesHowEverOld() {
            assertThat(check(new DateRules(), WMO301.replace("<iwmo:Datum>1948-05-01</iwmo:Datum>\n\t\t\t<iwmo:DatumGebruik>1<",
                    "<iwmo:Datum>1900-01-01</iwmo:Datum>\n\t\t\t<iwmo:DatumGebruik>3<"))).isEmpty();
        }
    }

    @Nested
    class Tr134 {
        @Test
        void aToewijzingsdatumAfterTheDagtekeningIsRefused() {
            List<Violation> found = check(new DateRules(), WMO301.replace("<wmo301:Toewijzingsdatum>2024-06-10<", "<wmo301:Toewijzingsdatum>2025-03-04<"));

            assertThat(codes(found)).containsExactly("TR134");
            assertThat(found.get(0).classPath()).isEqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[3]");
        }

        @Test
        void aToewijzingsdatumOnTheDagtekeningPasses() {
            assertThat(check(new DateRules(), WMO301.replace("<wmo301:Toewijzingsdatum>2024-06-10<", "<wmo301:Toewijzingsdatum>2025-03-03<")))
                    .isEmpty();
        }
    }

    @Nested
    class Cs003 {
        @Test
        void anEinddatumBeforeTheIngangsdatumIsRefused() {
            assertThat(codes(check(new DateRules(), WMO301.replace("<wmo301:Einddatum>2025-12-31<", "<wmo301:Einddatum>2025-02-28<"))))
                    .containsExactly("CS003");
        }

        @Test
        void anEinddatumOnTheIngangsdatumPasses() {
            assertThat(check(new DateRules(), WMO301.replace("<wmo301:Einddatum>2025-12-31<", "<wmo301:Einddatum>2025-03-01<"))).isEmpty();
        }
    }

    @Nested
    class Tr018 {
        private final String wmo307 = Fixtures.text("WMO307");

        @Test
        void aStopEndingBeforeItsBegindatumIsRefused() {
            assertThat(codes(check(new DateRules(), wmo307.replace("<wmo307:Einddatum>2025-03-28<", "<wmo307:Einddatum>2025-03-04<"))))
                    .containsExactly("TR018");
        }

        @Test
        void aStopEndingOnItsBegindatumPasses() {
            assertThat(check(new DateRules(), wmo307.replace("<wmo307:Einddatum>2025-03-28<", "<wmo307:Einddatum>2025-03-05<"))).isEmpty();
        }
    }

    @Nested
    class Tr061 {
        @Test
        void aClientWithOnlyATemporaryAddressIsRefused() {
            String onlyTemporary = WMO301.replace("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>04</wmo301:Soort>")
                    .replace("<wmo301:Soort>03</wmo301:Soort>", "<wmo301:Soort>04</wmo301:Soort>");

            assertThat(codes(check(new ClientRules(), onlyTemporary))).containsExactly("TR061");
        }

        @Test
        void oneVerblijfadresIsEnough() {
            assertThat(check(new ClientRules(), WMO301.replace("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>04</wmo301:Soort>"))).isEmpty();
        }
    }

    @Nested
    class Tr101 {
        @Test
        void twoToegewezenProductenWithOneToewijzingNummerAreRefused() {
            List<Violation> found = check(new DuplicateLineRules(), WMO301.replace(">123450002<", ">123450001<"));

            assertThat(codes(found)).containsExactly("TR101");
            assertThat(found.get(0).classPath()).isEqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]");
        }

        @Test
        void twoStartsOfOneToewijzingOnDifferentDaysPass() {
            String wmo305 = Fixtures.text("WMO305").replace(">123450002<", ">123450001<");

            assertThat(check(new DuplicateLineRules(), wmo305)).isEmpty();
        }
    }

    @Nested
    class Tr302 {
        @Test
        void theSameProductInOverlappingPeriodsIsRefused() {
            String overlapping = WMO301.replace("<iwmo:Code>07A05</iwmo:Code>", "<iwmo:Code>02A01</iwmo:Code>")
                    .replace("<iwmo:Categorie>07</iwmo:Categorie>", "<iwmo:Categorie>02</iwmo:Categorie>");

            assertThat(codes(check(new ProductRules(), overlapping))).containsExactly("TR302");
        }

        @Test
        void theSameProductInConsecutivePeriodsPasses() {
            String consecutive = WMO301.replace("<iwmo:Code>07A05</iwmo:Code>", "<iwmo:Code>02A01</iwmo:Code>")
                    .replace("<iwmo:Categorie>07</iwmo:Categorie>", "<iwmo:Categorie>02</iwmo:Categorie>")
                    .replace("<wmo301:Einddatum>2025-03-31<", "<wmo301:Einddatum>2025-02-28<");

            assertThat(check(new ProductRules(), consecutive)).isEmpty();
        }
    }

    @Nested
    class Cd041 {
        @Test
        void aProductCodeWithoutOmvangIsRefused() {
            String withoutOmvang = WMO301.replaceFirst("(?s)<wmo301:Omvang>.*?</wmo301:Omvang>", "");

            assertThat(codes(check(new ProductRules(), withoutOmvang))).containsExactly("CD041");
        }

        @Test
        void aCategoryWithoutCodeNeedsNoOmvang() {
            assertThat(check(new ProductRules(), WMO301)).isEmpty();
        }
    }

    @Nested
    class Cd077AndCd078 {
        @Test
        void budgetAndOmvangTogetherAreRefusedByBoth() {
            String both = WMO301.replaceFirst("(<wmo301:Commentaar>Begeleiding individueel)", "<wmo301:Budget>1000</wmo301:Budget>$1");

            assertThat(codes(check(new ProductRules(), both))).containsExactly("CD077", "CD078");
        }

        @Test
        void budgetAlonePasses() {
            assertThat(check(new ProductRules(), Fixtures.text("WMO315"))).isEmpty();
        }
    }

    @Nested
    class Cd085AndCd086 {
        private final String wmo319 = Fixtures.text("WMO319");

        @Test
        void aRefusalWithoutReasonIsRefused() {
            assertThat(codes(check(new AntwoordRules(), wmo319.replace("\t\t<wmo319:RedenAfwijzingVerzoek>2</wmo319:RedenAfwijzingVerzoek>\n", ""))))
                    .containsExactly("CD085");
        }

        @Test
        void aReasonWithAnInvestigationIsRefused() {
            assertThat(codes(check(new AntwoordRules(), wmo319.replace("<wmo319:VerzoekAntwoord>1<", "<wmo319:VerzoekAntwoord>2<"))))
                    .containsExactly("CD086");
        }

        @Test
        void anInvestigationWithoutReasonPasses() {
            assertThat(check(new AntwoordRules(), wmo319.replace("<wmo319:VerzoekAntwoord>1<", "<wmo319:VerzoekAntwoord>2<")
                    .replace("\t\t<wmo319:RedenAfwijzingVerzoek>2</wmo319:RedenAfwijzingVerzoek>\n", ""))).isEmpty();
        }
    }
}
