package nl.berichtenpoort.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.Mutations;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import nl.istandaarden.iwmo._3_2.basisschema.schema.CDTBerichtIdentificatie;
import nl.istandaarden.iwmo._3_2.basisschema.schema.CDTXsdVersie;
import nl.istandaarden.iwmo._3_2.wmo319.schema.Antwoord;
import nl.istandaarden.iwmo._3_2.wmo319.schema.Header;
import nl.istandaarden.iwmo._3_2.wmo319.schema.Root;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The JAXB model reads and writes every message type without loss, and never writes a time zone. */
class MessageModelTest {

    /** A date or time value with a zone: ends in Z or in an offset like +01:00 / -05:00. */
    private static final Pattern ZONED = Pattern.compile(">\\d{4}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})<|>\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})<");

    private final MessageModel model = new MessageModel();
    private final MessageTypeRegistry registry = MessageTypeRegistry.load(Path.of("xsd"));
    private final XsdValidator validator = new XsdValidator(new SchemaCatalog(Path.of("xsd")), 25L * 1024 * 1024);

    static List<Path> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aMessageReadAndWrittenAgainIsValidAndCarriesTheSameValues(Path fixture) throws Exception {
        byte[] original = java.nio.file.Files.readAllBytes(fixture);
        MessageType type = registry.findByNamespace(Mutations.parse(original).getDocumentElement().getNamespaceURI()).orElseThrow();

        byte[] written = model.write(model.read(original, type));

        ValidationResult result = validator.validate(written, fixture.getFileName().toString());
        assertThat(result.issues()).as(result.summary()).isEmpty();
        assertThat(leaves(written)).isEqualTo(leaves(original));
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContainPattern(ZONED)
                .contains("<" + type.name().toLowerCase() + ":Bericht");
    }

    @Test
    void datesAndTimesAreWrittenWithoutTimeZoneWhateverTheMachineZone() {
        TimeZone machine = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Root antwoord = new Root();
            Header header = new Header();
            header.setBerichtCode("482");
            header.setBerichtVersie(3L);
            header.setBerichtSubversie(2L);
            header.setAfzender("0384");
            header.setOntvanger("98025566");
            CDTBerichtIdentificatie id = new CDTBerichtIdentificatie();
            id.setIdentificatie("A-1");
            id.setDagtekening(LocalDate.of(2025, 12, 31));
            header.setBerichtIdentificatie(id);
            CDTXsdVersie versie = new CDTXsdVersie();
            versie.setBasisschemaXsdVersie("1.0.0");
            versie.setBerichtXsdVersie("1.0.0");
            header.setXsdVersie(versie);
            antwoord.setHeader(header);
            Antwoord body = new Antwoord();
            body.setReferentieAanbieder("VOT-1");
            body.setVerzoekAntwoord("2");
            antwoord.setAntwoord(body);

            String xml = new String(model.write(antwoord), StandardCharsets.UTF_8);

            assertThat(xml).contains("<iwmo:Dagtekening>2025-12-31</iwmo:Dagtekening>", "<wmo319:Bericht")
                    .doesNotContainPattern(ZONED);
            assertThat(validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO319.xml").isValid()).isTrue();
        } finally {
            TimeZone.setDefault(machine);
        }
    }

    @Test
    void aTimeIsWrittenWithSecondsEvenWhenTheyAreZero() {
        assertThat(new TimeAdapter().marshal(LocalTime.of(9, 15))).isEqualTo("09:15:00");
        assertThat(new TimeAdapter().unmarshal("12:34:56")).isEqualTo(LocalTime.of(12, 34, 56));
        assertThat(new DateAdapter().marshal(LocalDate.of(2025, 3, 3))).isEqualTo("2025-03-03");
    }

    @Test
    void everyMessageNamespaceHasAGeneratedPackage() {
        for (MessageType type : registry.all()) {
            assertThat(model.rootClass(type.namespace()).getPackageName()).isEqualTo(MessageModel.packageOf(type.namespace()));
        }
        assertThat(MessageModel.packageOf("http://www.istandaarden.nl/ijw/3_2/jw301/schema")).isEqualTo("nl.istandaarden.ijw._3_2.jw301.schema");
    }

    /** Every leaf element as path=value, in document order. */
    private static List<String> leaves(byte[] xml) {
        List<String> leaves = new ArrayList<>();
        collect(Mutations.parse(xml).getDocumentElement(), "", leaves);
        return leaves;
    }

    private static void collect(Element element, String parent, List<String> leaves) {
        String path = parent + "/" + element.getLocalName();
        boolean leaf = true;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                leaf = false;
                collect(child, path, leaves);
            }
        }
        if (leaf) {
            leaves.add(path + "=" + element.getTextContent().strip());
        }
    }
}
