package nl.berichtenpoort.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.berichtenpoort.SharedReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The official 3.2 example messages against the project's own schemas in xsd/. */
class OfficialExamplesTest {

    private static final XsdValidator VALIDATOR = new XsdValidator(new SchemaCatalog(Path.of("xsd")), 25L * 1024 * 1024);
    private static final List<String> KNOWN_INVALID = List.of("JW315.xml", "JW318.xml");

    static Stream<Path> validExamples() throws IOException {
        return Stream.concat(examples("iwmo-3.2"), examples("ijw-3.2"))
                .filter(p -> !KNOWN_INVALID.contains(p.getFileName().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void officialExampleIsValidAgainstTheProjectSchemas(Path example) {
        ValidationResult result = VALIDATOR.validate(example);

        assertThat(result.issues()).as(result.summary()).isEmpty();
        String type = example.getFileName().toString().replace(".xml", "").toLowerCase();
        assertThat(result.schema().message()).isEqualTo(type);
        assertThat(result.schema().file()).startsWith(Path.of("xsd").toAbsolutePath());
    }

    @Test
    void jw315IsRefusedForTheNonExistentDate2027_06_31AtBothPlaces() {
        ValidationResult result = VALIDATOR.validate(SharedReference.officialExamples("ijw-3.2").resolve("JW315.xml"));

        assertThat(result.problem()).contains(Problem.XSD_INVALID);
        assertThat(result.issues()).hasSize(2).allSatisfy(issue -> {
            assertThat(issue.constraint()).isEqualTo("cvc-datatype-valid.1.2.1");
            assertThat(issue.message()).isEqualTo("ToewijzingEinddatum '2027-06-31' is not an existing date written as yyyy-mm-dd");
            assertThat(issue.path()).matches("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct(\\[2])?/ToewijzingEinddatum");
        });
        assertThat(result.issues()).extracting(ValidationIssue::line).containsExactly(44, 66);
    }

    @Test
    void jw318IsRefusedForARetourCodeOutsideItsRetourCodesWrapper() {
        ValidationResult result = VALIDATOR.validate(SharedReference.officialExamples("ijw-3.2").resolve("JW318.xml"));

        assertThat(result.problem()).contains(Problem.XSD_INVALID);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.constraint()).isEqualTo("cvc-complex-type.2.4.a");
            assertThat(issue.line()).isEqualTo(33);
            assertThat(issue.path()).isEqualTo("/Bericht/Client/Verzoek/RetourCode");
            assertThat(issue.message()).isEqualTo("element RetourCode is not allowed here; expected one of "
                    + "OngewijzigdeProducten, TeWijzigenProducten, NieuweProducten, RetourCodes");
        });
    }

    private static Stream<Path> examples(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SharedReference.officialExamples(folder))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }
}
