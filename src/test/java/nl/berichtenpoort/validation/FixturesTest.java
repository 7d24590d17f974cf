package nl.berichtenpoort.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.berichtenpoort.SharedReference;
import nl.berichtenpoort.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's fixtures are valid against the project's schemas and against the official ones in ../shared. */
class FixturesTest {

    private static final long MAX = 25L * 1024 * 1024;
    private static final XsdValidator PROJECT = new XsdValidator(new SchemaCatalog(Path.of("xsd")), MAX);

    static List<Path> fixtures() {
        return Fixtures.all();
    }

    @Test
    void thereIsAFixtureForEveryMessageTypeOfBothStandards() {
        assertThat(Fixtures.all()).extracting(Fixtures::type).containsExactly(
                "JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319", "JW320", "JW323", "JW325",
                "WMO301", "WMO302", "WMO305", "WMO306", "WMO307", "WMO308", "WMO315", "WMO316", "WMO317", "WMO318", "WMO319", "WMO320", "WMO323", "WMO325");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureIsValidAgainstTheProjectSchemas(Path fixture) {
        ValidationResult result = PROJECT.validate(fixture);

        assertThat(result.issues()).as(result.summary()).isEmpty();
        assertThat(result.schema().message()).isEqualToIgnoringCase(Fixtures.type(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureIsValidAgainstTheOfficialSchemas(Path fixture) {
        XsdValidator official = new XsdValidator(new SchemaCatalog(SharedReference.officialXsd()), MAX);

        ValidationResult result = official.validate(fixture);

        assertThat(result.issues()).as(result.summary()).isEmpty();
        assertThat(result.schema().file()).startsWith(SharedReference.officialXsd());
    }
}
