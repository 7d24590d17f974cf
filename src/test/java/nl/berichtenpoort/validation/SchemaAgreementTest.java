package nl.berichtenpoort.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.berichtenpoort.SharedReference;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.Mutations;
import nl.berichtenpoort.testsupport.Mutations.Mutation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The project's schemas and the official ones give the same verdict, message by message, on thousands of generated
 * single-change variants of every fixture; and a negative corpus of the classic mistakes is refused by both.
 */
class SchemaAgreementTest {

    private static final long MAX = 25L * 1024 * 1024;
    private static XsdValidator project;
    private static XsdValidator official;

    @BeforeAll
    static void validators() {
        project = new XsdValidator(new SchemaCatalog(Path.of("xsd")), MAX);
        official = new XsdValidator(new SchemaCatalog(SharedReference.officialXsd()), MAX);
    }

    static List<String> types() {
        return Fixtures.all().stream().map(Fixtures::type).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void projectAndOfficialSchemasAgreeOnEveryGeneratedMutation(String type) {
        List<Mutation> mutations = Mutations.of(Fixtures.bytes(type));
        List<String> disagreements = new ArrayList<>();
        int rejected = 0;
        for (Mutation mutation : mutations) {
            boolean projectValid = project.validate(mutation.content(), type + ".xml").isValid();
            boolean officialValid = official.validate(mutation.content(), type + ".xml").isValid();
            if (projectValid != officialValid) {
                disagreements.add(mutation + ": project " + verdict(projectValid) + ", official " + verdict(officialValid));
            }
            rejected += officialValid ? 0 : 1;
        }

        System.out.printf("%s: %d mutations, %d rejected by both, %d disagreements%n", type, mutations.size(), rejected, disagreements.size());
        assertThat(disagreements).as("%d mutations of %s", mutations.size(), type).isEmpty();
        assertThat(mutations).hasSizeGreaterThan(100);
        assertThat(rejected).as("mutations rejected").isGreaterThan(mutations.size() / 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void negativeCorpusIsRejectedByBothSchemaSets(String type) {
        byte[] valid = Fixtures.bytes(type);
        List<Mutation> corpus = new ArrayList<>(List.of(
                Mutations.at(valid, "remove the mandatory Identificatie", "/Header/BerichtIdentificatie/Identificatie", remove()),
                Mutations.at(valid, "break the pattern of Afzender", "/Header/Afzender", text("12AB")),
                Mutations.at(valid, "BerichtCode of another message", "/Header/BerichtCode", text("999")),
                Mutations.at(valid, "date with Z", "/Header/BerichtIdentificatie/Dagtekening", text("2025-03-03Z")),
                Mutations.at(valid, "date with an offset", "/Header/BerichtIdentificatie/Dagtekening", text("2025-03-03+01:00")),
                Mutations.at(valid, "over-long identificatie (13)", "/Header/BerichtIdentificatie/Identificatie", text("ABCDEFGHIJKLM")),
                Mutations.at(valid, "elements out of order", "/Header/BerichtIdentificatie", swapWithNext()),
                Mutations.at(valid, "enum value out of range", firstCodeList(valid), text("98"))));
        if (new String(valid, StandardCharsets.UTF_8).contains(":Bsn>")) {
            corpus.add(Mutations.at(valid, "10-digit BSN", "/Bsn", text("1234567890")));
        }

        for (Mutation mutation : corpus) {
            ValidationResult byProject = project.validate(mutation.content(), type + ".xml");
            ValidationResult byOfficial = official.validate(mutation.content(), type + ".xml");
            assertThat(byProject.isValid()).as("project verdict on " + mutation).isFalse();
            assertThat(byOfficial.isValid()).as("official verdict on " + mutation).isFalse();
            assertThat(byProject.issues()).as(mutation.toString()).allSatisfy(issue -> assertThat(issue.line()).isPositive());
        }
    }

    private static String firstCodeList(byte[] valid) {
        String xml = new String(valid, StandardCharsets.UTF_8);
        for (String element : List.of("Geslacht", "StatusAanlevering", "RedenVerzoek", "VerzoekAntwoord", "DebetCredit", "RetourCode")) {
            if (xml.contains(":" + element + ">")) {
                return "/" + element;
            }
        }
        throw new IllegalStateException("no code list element");
    }

    private static Consumer<Element> remove() {
        return e -> e.getParentNode().removeChild(e);
    }

    private static Consumer<Element> text(String value) {
        return e -> e.setTextContent(value);
    }

    private static Consumer<Element> swapWithNext() {
        return e -> {
            Node next = e.getNextSibling();
            while (!(next instanceof Element)) {
                next = next.getNextSibling();
            }
            e.getParentNode().insertBefore(next, e);
        };
    }

    private static String verdict(boolean valid) {
        return valid ? "valid" : "invalid";
    }
}
