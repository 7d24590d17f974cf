package nl.berichtenpoort.retour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.SharedReference;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 325 to a 323 (IV087, TR342), for both standards, checked against the project's schemas and the official ones:
 * all granted, prestaties rejected, a client rejected, the declaratie rejected, and a message-level rejection.
 */
class DeclaratieAntwoordBuilderTest {

    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));
    private static final XsdValidator PROJECT = new XsdValidator(new SchemaCatalog(Path.of("xsd")), 25L * 1024 * 1024);

    private final DeclaratieAntwoordBuilder builder = new DeclaratieAntwoordBuilder();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO323", "JW323"})
    void aFullyGrantedDeclaratieIsAnsweredWith8001AndTheWholeAmountWithoutClients(String type) {
        MessageTree antwoord = build(type, DeclaratieAntwoordPlan.approved());
        MessageTree declaratie = MessageTree.parse(Fixtures.bytes(type));

        assertThat(antwoord.text("Header/RetourCodes/RetourCode")).isEqualTo("0200");
        assertThat(antwoord.text("Header/DeclaratieIdentificatie/Identificatie")).isEqualTo(declaratie.text("Header/BerichtIdentificatie/Identificatie"));
        assertThat(antwoord.text("Header/Afzender")).isEqualTo(declaratie.text("Header/Ontvanger"));
        assertThat(antwoord.text("DeclaratieAntwoord/DeclaratieNummer")).isEqualTo(declaratie.text("Declaratie/DeclaratieNummer"));
        assertThat(antwoord.text("DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag"))
                .isEqualTo(declaratie.text("Declaratie/TotaalIngediendBedrag/TotaalBedrag"));
        assertThat(antwoord.has("DeclaratieAntwoord/Clienten")).isFalse();
        assertThat(antwoord.text("DeclaratieAntwoord/RetourCodes/RetourCode")).isEqualTo("8001");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO323", "JW323"})
    void aRejectedPrestatieIsListedUnderItsClientWithItsCodeAndSubtractedFromTheGrantedTotal(String type) {
        MessageTree declaratie = MessageTree.parse(Fixtures.bytes(type));
        MessageTree hit = declaratie.all("Declaratie/Clienten/Client/Prestaties/Prestatie").get(1);

        MessageTree antwoord = build(type, new DeclaratieAntwoordPlan(List.of(), Map.of(hit.path(), List.of("9338", "9307"))));

        List<MessageTree> listed = antwoord.all("DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie");
        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.text("ProductReferentie/ReferentieNummer")).isEqualTo(hit.text("ProductReferentie/ReferentieNummer"));
            assertThat(p.all("RetourCodes/RetourCode")).extracting(MessageTree::text).containsExactly("9338", "9307");
        });
        assertThat(antwoord.text("DeclaratieAntwoord/Clienten/Client/RetourCodes/RetourCode")).isEqualTo("0200");
        assertThat(antwoord.text("DeclaratieAntwoord/RetourCodes/RetourCode")).isEqualTo("0200");
        assertTotals(declaratie, antwoord);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO323", "JW323"})
    void aRejectedClientHasAllItsPrestatiesListedAsNotAssessed(String type) {
        MessageTree declaratie = MessageTree.parse(Fixtures.bytes(type));
        MessageTree client = declaratie.all("Declaratie/Clienten/Client").get(0);

        MessageTree antwoord = build(type, new DeclaratieAntwoordPlan(List.of(), Map.of(client.path(), List.of("8187"))));

        assertThat(antwoord.text("DeclaratieAntwoord/Clienten/Client/RetourCodes/RetourCode")).isEqualTo("8187");
        assertThat(antwoord.all("DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie")).hasSize(client.all("Prestaties/Prestatie").size())
                .allSatisfy(p -> assertThat(p.text("RetourCodes/RetourCode")).isEqualTo("0233"));
        assertTotals(declaratie, antwoord);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO323", "JW323"})
    void aRejectedDeclaratieGrantsNothingAndListsNoPrestatie(String type) {
        MessageTree antwoord = build(type, new DeclaratieAntwoordPlan(List.of(), Map.of("/Bericht/Declaratie", List.of("9333"))));

        assertThat(antwoord.text("DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag")).isEqualTo("0");
        assertThat(antwoord.has("DeclaratieAntwoord/Clienten")).isFalse();
        assertThat(antwoord.text("DeclaratieAntwoord/RetourCodes/RetourCode")).isEqualTo("9333");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO323", "JW323"})
    void aMessageLevelRejectionIsTheHeaderAloneWith0001AndTheRuleSetVersion(String type) {
        MessageTree antwoord = build(type, new DeclaratieAntwoordPlan(List.of("0001"), Map.of()));

        assertThat(antwoord.children()).extracting(MessageTree::name).containsExactly("Header");
        assertThat(antwoord.text("Header/RetourCodes/RetourCode")).isEqualTo("0001");
        assertThat(antwoord.text("Header/XsltVersie")).isEqualTo("1.0.0");
    }

    /** TR342: the listed prestaties account for exactly what was not granted. */
    private static void assertTotals(MessageTree declaratie, MessageTree antwoord) {
        long listed = antwoord.all("DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie").stream()
                .mapToLong(p -> Long.parseLong(p.text("IngediendBedrag/Bedrag")) * ("C".equals(p.text("IngediendBedrag/DebetCredit")) ? -1 : 1)).sum();
        long submitted = Long.parseLong(declaratie.text("Declaratie/TotaalIngediendBedrag/TotaalBedrag"));
        long granted = Long.parseLong(antwoord.text("DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag"));
        assertThat(listed).isEqualTo(submitted - granted);
    }

    private MessageTree build(String type, DeclaratieAntwoordPlan plan) {
        MessageType declaratie = REGISTRY.all().stream().filter(t -> t.name().equals(type)).findFirst().orElseThrow();
        MessageType antwoord = REGISTRY.counterpartOf(declaratie);
        byte[] bytes = builder.build(Fixtures.bytes(type), declaratie, antwoord, plan, "BP0000000001", LocalDate.of(2026, 11, 23),
                plan.headerCodes().contains("0001") ? "1.0.0" : null, new String[] {"1.0.0", "1.0.0"});
        ValidationResult project = PROJECT.validate(bytes, antwoord.name() + ".xml");
        assertThat(project.issues()).as(project.summary()).isEmpty();
        if (Files.isDirectory(SharedReference.ROOT.resolve("xsd"))) {
            ValidationResult official = new XsdValidator(new SchemaCatalog(SharedReference.officialXsd()), 25L * 1024 * 1024)
                    .validate(bytes, antwoord.name() + ".xml");
            assertThat(official.issues()).as(official.summary()).isEmpty();
        }
        return MessageTree.parse(bytes);
    }
}
