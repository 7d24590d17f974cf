package nl.berichtenpoort.groenevink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.berichtenpoort.SharedReference;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.rules.BsnRules;
import nl.berichtenpoort.rules.ClientRules;
import nl.berichtenpoort.rules.DateRules;
import nl.berichtenpoort.rules.DuplicateLineRules;
import nl.berichtenpoort.rules.ProductRules;
import nl.berichtenpoort.rules.RuleContext;
import nl.berichtenpoort.rules.RuleEngine;
import nl.berichtenpoort.testsupport.groenevink.Scenario;
import nl.berichtenpoort.testsupport.groenevink.ScenarioMessages;
import nl.berichtenpoort.testsupport.groenevink.WrongVariants;
import nl.berichtenpoort.validation.HeaderReader;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of every Groene Vink scenario, built from its file, is a valid 3.2 message: against the project's
 * schemas, the official ones in ../shared, and the standard's message-level rules (control level 2); and so is the
 * wrong variant of each step, whose fault only the receiver's record of earlier messages can reveal.
 */
class ScenarioMessagesTest {

    private static final long MAX = 25L * 1024 * 1024;
    private static final XsdValidator PROJECT = new XsdValidator(new SchemaCatalog(Path.of("xsd")), MAX);
    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));
    private static final Map<String, String> RETOUR = Map.of("301", "302", "305", "306", "307", "308", "315", "316", "323", "325");
    private static final RuleEngine MESSAGE_LEVEL = new RuleEngine(List.of(new BsnRules(), new DateRules(), new ClientRules(),
            new DuplicateLineRules(), new ProductRules()));

    static Stream<Arguments> steps() {
        List<Arguments> steps = new ArrayList<>();
        for (String name : Scenario.all()) {
            Scenario scenario = Scenario.load(name);
            for (Scenario.Stap stap : scenario.stappen()) {
                steps.add(Arguments.of(scenario, stap.nr() + " " + scenario.type(stap), stap));
            }
        }
        return steps.stream();
    }

    @ParameterizedTest(name = "{0} stap {1}")
    @MethodSource("steps")
    void theMessageOfTheStepIsValidAgainstTheProjectSchemasAndTheMessageLevelRules(Scenario scenario, String step, Scenario.Stap stap)
            throws Exception {
        assertValidWithoutMessageLevelViolations(scenario, stap, ScenarioMessages.of(scenario, stap));
    }

    @ParameterizedTest(name = "{0} stap {1}")
    @MethodSource("steps")
    void theStepNamesItsSenderItsRetourAndAWrongVariantThatOnlyTheReceiversStoreCanCatch(Scenario scenario, String step, Scenario.Stap stap)
            throws Exception {
        assertThat(stap.afzender()).isEqualTo(stap.bericht().equals("301") ? "gemeente" : "aanbieder");
        assertThat(stap.verwacht().retour()).isEqualTo(RETOUR.get(stap.bericht()));
        assertThat(stap.verwacht().status()).isEqualTo("GEACCEPTEERD");
        WrongVariants variant = WrongVariants.of(stap);
        assertThat(variant.retourCode()).matches("9\\d{3}");
        assertThat(variant.stap().identificatie()).isNotEqualTo(stap.identificatie());
        // valid and clean at message level, so only the rules that look at earlier messages can refuse it
        assertValidWithoutMessageLevelViolations(scenario, variant.stap(), ScenarioMessages.of(scenario, variant.stap()));
    }

    private static void assertValidWithoutMessageLevelViolations(Scenario scenario, Scenario.Stap stap, byte[] message) throws Exception {
        ValidationResult result = PROJECT.validate(message, scenario.naam() + "-" + stap.nr() + ".xml");

        assertThat(result.issues()).as(result.summary()).isEmpty();
        assertThat(result.schema().message()).isEqualToIgnoringCase(scenario.type(stap));
        MessageHeader header = new HeaderReader().read(new ByteArrayInputStream(message));
        RuleContext context = new RuleContext(REGISTRY.find(header.namespace(), header.berichtCode()).orElseThrow(),
                MessageIdentity.of(header), MessageTree.parse(message), 1, LocalDate.of(2026, 11, 23));
        assertThat(MESSAGE_LEVEL.check(context).violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0} stap {1}")
    @MethodSource("steps")
    void theMessageOfTheStepIsValidAgainstTheOfficialSchemas(Scenario scenario, String step, Scenario.Stap stap) {
        XsdValidator official = new XsdValidator(new SchemaCatalog(SharedReference.officialXsd()), MAX);

        ValidationResult result = official.validate(ScenarioMessages.of(scenario, stap), scenario.naam() + "-" + stap.nr() + ".xml");

        assertThat(result.issues()).as(result.summary()).isEmpty();
    }
}
