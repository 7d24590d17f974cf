package nl.berichtenpoort.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTypeRegistryTest {

    private final MessageTypeRegistry registry = MessageTypeRegistry.load(Path.of("xsd"));

    @Test
    void knowsAllFourteenTypesOfBothStandardsInRelease32() {
        assertThat(registry.all()).hasSize(28).extracting(MessageType::release).containsOnly("3.2");
        assertThat(registry.all().stream().filter(t -> t.standard() == Standard.IWMO)).hasSize(14);
        assertThat(registry.all().stream().filter(MessageType::isRetour)).hasSize(14);
    }

    @Test
    void identifiesAMessageByNamespaceAndBerichtCode() {
        MessageType wmo301 = registry.find("http://www.istandaarden.nl/iwmo/3_2/wmo301/schema", "414").orElseThrow();

        assertThat(wmo301.name()).isEqualTo("WMO301");
        assertThat(wmo301.standard()).isEqualTo(Standard.IWMO);
        assertThat(wmo301.direction()).isEqualTo(Direction.HEEN);
        assertThat(wmo301.sender()).isEqualTo(Role.GEMEENTE);
        assertThat(wmo301.receiver()).isEqualTo(Role.AANBIEDER);
        assertThat(registry.counterpartOf(wmo301).name()).isEqualTo("WMO302");
    }

    @Test
    void aBerichtCodeThatDoesNotBelongToTheNamespaceIsUnknown() {
        assertThat(registry.find("http://www.istandaarden.nl/iwmo/3_2/wmo301/schema", "436")).isEmpty();
        assertThat(registry.find("http://www.istandaarden.nl/iwmo/3_1/wmo301/schema", "414")).isEmpty();
    }

    @Test
    void everyRetourAnswersItsHeenberichtAndIsSentByTheOtherRole() {
        for (MessageType retour : registry.all().stream().filter(MessageType::isRetour).toList()) {
            MessageType heen = registry.counterpartOf(retour);
            assertThat(heen.direction()).isEqualTo(Direction.HEEN);
            assertThat(registry.counterpartOf(heen)).isEqualTo(retour);
            assertThat(retour.sender()).isEqualTo(heen.receiver());
            assertThat(Integer.parseInt(retour.berichtCode())).isEqualTo(Integer.parseInt(heen.berichtCode()) + 1);
        }
    }

    @Test
    void theDeclaratieAntwoord325AnswersThe323AndComesFromTheGemeente() {
        MessageType jw325 = registry.find("http://www.istandaarden.nl/ijw/3_2/jw325/schema", "491").orElseThrow();

        assertThat(jw325.isRetour()).isTrue();
        assertThat(jw325.sender()).isEqualTo(Role.GEMEENTE);
        assertThat(registry.counterpartOf(jw325).name()).isEqualTo("JW323");
    }

    @Test
    void aTableWhoseCounterpartIsMissingIsRefusedWithTheLineThatCausesIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(MessageTypeRegistry.TABLE_FILE), """
                type;standard;release;berichtCode;namespace;direction;counterpart;sender;description
                WMO301;iwmo;3.3;414;http://www.istandaarden.nl/iwmo/3_3/wmo301/schema;heen;WMO302;gemeente;Toewijzing
                """);

        assertThatThrownBy(() -> MessageTypeRegistry.load(dir))
                .hasMessageContaining("WMO301 3.3 names counterpart WMO302, which is not in the table for that release");
    }

    @Test
    void aRowWithAnUnknownRoleIsRefusedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(MessageTypeRegistry.TABLE_FILE), """
                # comment
                type;standard;release;berichtCode;namespace;direction;counterpart;sender;description
                WMO301;iwmo;3.3;414;urn:a;heen;WMO302;zorgkantoor;Toewijzing
                """);

        assertThatThrownBy(() -> MessageTypeRegistry.load(dir)).hasMessageContaining("line 3");
    }
}
