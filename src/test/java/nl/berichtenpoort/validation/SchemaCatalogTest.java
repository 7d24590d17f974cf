package nl.berichtenpoort.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator adds an official release or patch beside the project's schemas without code: the release is chosen by
 * namespace, the patch by the BerichtXsdVersie in the message header. Schema imports never leave the folder.
 */
class SchemaCatalogTest {

    private static final long MAX = 25L * 1024 * 1024;

    @Test
    void findsTheFourteenMessageSchemasOfEachStandardAndNoBasisschema() {
        SchemaCatalog catalog = new SchemaCatalog(Path.of("xsd"));

        assertThat(catalog.schemas()).hasSize(28).extracting(MessageSchema::release).containsOnly("3.2");
        assertThat(catalog.schemas()).extracting(MessageSchema::message).doesNotContain("basisschema").contains("wmo301", "jw325");
        catalog.compileAll();
    }

    @Test
    void everyTypeInTheTableHasASchemaAndEverySchemaARow() {
        SchemaCatalog catalog = new SchemaCatalog(Path.of("xsd"));
        MessageTypeRegistry registry = MessageTypeRegistry.load(Path.of("xsd"));

        assertThat(registry.all()).extracting(MessageType::namespace)
                .containsExactlyInAnyOrderElementsOf(catalog.schemas().stream().map(MessageSchema::namespace).toList());
        for (MessageType type : registry.all()) {
            assertThat(catalog.find(type.namespace(), "1.0.0")).get()
                    .satisfies(schema -> assertThat(schema.message()).isEqualToIgnoringCase(type.name()));
        }
    }

    @Test
    void aNewReleaseBesideTheCurrentOneIsChosenByNamespace(@TempDir Path dir) throws IOException {
        Path xsd = copyOfProjectSchemas(dir);
        copyRelease(xsd.resolve("iwmo/3.2"), xsd.resolve("iwmo/3.3"), s -> s.replace("/3_2/", "/3_3/")
                .replace("<iwmo:release>3.2</iwmo:release>", "<iwmo:release>3.3</iwmo:release>"));
        Files.writeString(xsd.resolve(MessageTypeRegistry.TABLE_FILE), """
                WMO301;iwmo;3.3;414;http://www.istandaarden.nl/iwmo/3_3/wmo301/schema;heen;WMO302;gemeente;Toewijzing Wmo-ondersteuning
                WMO302;iwmo;3.3;415;http://www.istandaarden.nl/iwmo/3_3/wmo302/schema;retour;WMO301;aanbieder;Retour toewijzing
                """, java.nio.file.StandardOpenOption.APPEND);
        XsdValidator validator = new XsdValidator(new SchemaCatalog(xsd), MAX);
        MessageTypeRegistry registry = MessageTypeRegistry.load(xsd);
        byte[] release33 = fixture("WMO301").replace("/3_2/", "/3_3/").getBytes(StandardCharsets.UTF_8);

        ValidationResult new33 = validator.validate(release33, "WMO301-3.3.xml");
        ValidationResult old32 = validator.validate(Fixtures.of("WMO301"));

        assertThat(new33.issues()).as(new33.summary()).isEmpty();
        assertThat(new33.schema().release()).isEqualTo("3.3");
        assertThat(new33.schema().file()).isEqualTo(xsd.resolve("iwmo/3.3/WMO301.xsd"));
        assertThat(old32.schema().release()).isEqualTo("3.2");
        assertThat(registry.find("http://www.istandaarden.nl/iwmo/3_3/wmo301/schema", "414")).get()
                .satisfies(t -> assertThat(t.release()).isEqualTo("3.3"))
                .satisfies(t -> assertThat(registry.counterpartOf(t).namespace()).contains("/3_3/wmo302/"));
    }

    @Test
    void aPatchInTheSameNamespaceIsChosenByTheBerichtXsdVersieInTheHeader(@TempDir Path dir) throws IOException {
        Path xsd = copyOfProjectSchemas(dir);
        copyRelease(xsd.resolve("iwmo/3.2"), xsd.resolve("iwmo/3.2-patch-1.0.1"), s -> s
                .replace("<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>", "<iwmo:BerichtXsdVersie>1.0.1</iwmo:BerichtXsdVersie>")
                .replace("<xs:enumeration value=\"S329\">", "<xs:enumeration value=\"9999\"/><xs:enumeration value=\"S329\">"));
        XsdValidator validator = new XsdValidator(new SchemaCatalog(xsd), MAX);
        String withNewCode = fixture("WMO302").replace("<wmo302:RetourCode>9332</wmo302:RetourCode>", "<wmo302:RetourCode>9999</wmo302:RetourCode>");
        String declaring101 = withNewCode.replace("<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>\n\t\t</wmo302:XsdVersie>",
                "<iwmo:BerichtXsdVersie>1.0.1</iwmo:BerichtXsdVersie>\n\t\t</wmo302:XsdVersie>");

        ValidationResult patched = validator.validate(declaring101.getBytes(StandardCharsets.UTF_8), "WMO302-1.0.1.xml");
        ValidationResult original = validator.validate(withNewCode.getBytes(StandardCharsets.UTF_8), "WMO302-1.0.0.xml");

        assertThat(patched.issues()).as(patched.summary()).isEmpty();
        assertThat(patched.schema().version()).isEqualTo("1.0.1");
        assertThat(original.schema().version()).isEqualTo("1.0.0");
        assertThat(original.issues()).extracting(ValidationIssue::message).anyMatch(m -> m.startsWith("RetourCode '9999' is not in the code list"));
    }

    @Test
    void aMessageDeclaringAnUninstalledVersionIsCheckedAgainstTheNewestInstalledOne() {
        SchemaCatalog catalog = new SchemaCatalog(Path.of("xsd"));

        assertThat(catalog.find("http://www.istandaarden.nl/ijw/3_2/jw301/schema", "1.0.0")).get()
                .satisfies(s -> assertThat(s.version()).isEqualTo("0.1.0"));
    }

    @Test
    void aSchemaImportPointingOutsideTheFolderIsRefused(@TempDir Path dir) throws IOException {
        Path xsd = Files.createDirectories(dir.resolve("xsd/evil"));
        Files.writeString(dir.resolve("outside.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:o\"/>");
        Files.writeString(xsd.resolve("EVIL.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:e="urn:e" targetNamespace="urn:e">
                  <xs:import namespace="urn:o" schemaLocation="../../outside.xsd"/>
                  <xs:annotation><xs:appinfo><e:bericht>evil</e:bericht></xs:appinfo></xs:annotation>
                  <xs:element name="Bericht" type="xs:string"/>
                </xs:schema>
                """);
        SchemaCatalog catalog = new SchemaCatalog(dir.resolve("xsd"));

        assertThatThrownBy(catalog::compileAll).hasMessageContaining("EVIL.xsd cannot be compiled")
                .hasMessageContaining("leaves the schema folder");
    }

    @Test
    void aSchemaImportFromAUrlIsRefused(@TempDir Path dir) throws IOException {
        Path xsd = Files.createDirectories(dir.resolve("xsd"));
        Files.writeString(xsd.resolve("REMOTE.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:e="urn:e" targetNamespace="urn:e">
                  <xs:import namespace="urn:o" schemaLocation="http://127.0.0.1:9/remote.xsd"/>
                  <xs:annotation><xs:appinfo><e:bericht>remote</e:bericht></xs:appinfo></xs:annotation>
                  <xs:element name="Bericht" type="xs:string"/>
                </xs:schema>
                """);

        assertThatThrownBy(new SchemaCatalog(xsd)::compileAll).hasMessageContaining("REMOTE.xsd cannot be compiled")
                .hasMessageContaining("only files inside");
    }

    private static Path copyOfProjectSchemas(Path dir) throws IOException {
        Path target = dir.resolve("xsd");
        try (Stream<Path> files = Files.walk(Path.of("xsd"))) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(Path.of("xsd").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    private static void copyRelease(Path from, Path to, java.util.function.UnaryOperator<String> edit) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path source : files.toList()) {
                Files.writeString(to.resolve(source.getFileName()), edit.apply(Files.readString(source)));
            }
        }
    }

    private static String fixture(String type) {
        return new String(Fixtures.bytes(type), StandardCharsets.UTF_8);
    }
}
