package nl.berichtenpoort.retour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetourBuilderTest {

    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));
    private static final XsdValidator VALIDATOR = new XsdValidator(new SchemaCatalog(Path.of("xsd")), 25L * 1024 * 1024);
    private final RetourBuilder builder = new RetourBuilder();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "JW301", "JW305", "JW307", "JW315", "JW317", "JW319"})
    void aFullyApprovedRetourIsTheCopiedHeaderWithItsOwnIdentityAndNoRetourCodes(String heen) {
        String retour = build(heen, RetourPlan.approved());

        assertValid(retour);
        MessageTree tree = MessageTree.parse(retour.getBytes(StandardCharsets.UTF_8));
        MessageTree heenTree = MessageTree.parse(Fixtures.bytes(heen));
        assertThat(tree.children()).extracting(MessageTree::name).containsExactly("Header");
        assertThat(tree.text("Header/BerichtCode")).isEqualTo(counterpart(heen).berichtCode());
        assertThat(tree.text("Header/BerichtIdentificatie/Identificatie")).isEqualTo(heenTree.text("Header/BerichtIdentificatie/Identificatie"));
        assertThat(tree.text("Header/Afzender")).isEqualTo(heenTree.text("Header/Afzender"));
        assertThat(tree.text("Header/IdentificatieRetour")).isEqualTo("BP0000000001");
        assertThat(tree.text("Header/DagtekeningRetour")).isEqualTo("2026-11-23");
        assertThat(tree.has("Header/RetourCodes")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "JW301", "JW305", "JW307", "JW315", "JW317", "JW319"})
    void aRetourWithAClassHitCarriesItsCodeThereAnd0200OnEveryOtherClass(String heen) {
        MessageTree heenTree = MessageTree.parse(Fixtures.bytes(heen));
        String hit = heenTree.children().get(1).path();

        String retour = build(heen, new RetourPlan(List.of("0200"), true, Map.of(hit, List.of("9332"))));

        assertValid(retour);
        MessageTree tree = MessageTree.parse(retour.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.text("Header/RetourCodes/RetourCode")).isEqualTo("0200");
        assertThat(tree.first(hit.substring("/Bericht/".length()) + "/RetourCodes/RetourCode").orElseThrow().text()).isEqualTo("9332");
        assertThat(tree.descendants("RetourCode")).extracting(MessageTree::text).containsOnly("0200", "9332");
    }

    @Test
    void aMessageLevelRejectionIsTheHeaderWith0001AndTheRuleSetVersion() {
        String retour = build("WMO301", new RetourPlan(List.of("0001"), false, Map.of()));

        assertValid(retour);
        MessageTree tree = MessageTree.parse(retour.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.children()).hasSize(1);
        assertThat(tree.text("Header/RetourCodes/RetourCode")).isEqualTo("0001");
        assertThat(tree.text("Header/XsltVersie")).isEqualTo("1.0.0");
        assertThat(retour).contains("<wmo302:Bericht", "xmlns:iwmo=\"http://www.istandaarden.nl/iwmo/3_2/basisschema/schema\"");
    }

    private String build(String heen, RetourPlan plan) {
        MessageType type = REGISTRY.all().stream().filter(t -> t.name().equals(heen)).findFirst().orElseThrow();
        return new String(builder.build(Fixtures.bytes(heen), type, counterpart(heen), plan, "BP0000000001", LocalDate.of(2026, 11, 23),
                "1.0.0", new String[] {"1.0.0", "1.0.0"}), StandardCharsets.UTF_8);
    }

    private static MessageType counterpart(String heen) {
        return REGISTRY.counterpartOf(REGISTRY.all().stream().filter(t -> t.name().equals(heen)).findFirst().orElseThrow());
    }

    private static void assertValid(String retour) {
        ValidationResult result = VALIDATOR.validate(retour.getBytes(StandardCharsets.UTF_8), "retour.xml");
        assertThat(result.issues()).as(result.summary() + "\n" + retour).isEmpty();
    }
}
