package nl.berichtenpoort.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control level 1 on the project's schemas: what is refused, why, where, and what never happens (XXE, fetching). */
class XsdValidatorTest {

    private static final long MAX = 25L * 1024 * 1024;
    private final XsdValidator validator = new XsdValidator(new SchemaCatalog(Path.of("xsd")), MAX);

    @Test
    void everyErrorIsReportedWithLineColumnAndElementPathNotOnlyTheFirst() {
        String xml = fixture("WMO301")
                .replace("<iwmo:Dagtekening>2025-03-03</iwmo:Dagtekening>", "<iwmo:Dagtekening>2025-03-03Z</iwmo:Dagtekening>")
                .replace("<wmo301:Geslacht>2</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>")
                .replace("<wmo301:ToewijzingNummer>123440007</wmo301:ToewijzingNummer>", "");

        ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO301-fout.xml");

        assertThat(result.problem()).contains(Problem.XSD_INVALID);
        assertThat(result.issues()).extracting(ValidationIssue::path, ValidationIssue::message).containsExactly(
                tuple("/Bericht/Header/BerichtIdentificatie/Dagtekening",
                        "Dagtekening '2025-03-03Z' must be a date without time zone (no 'Z' or offset) (LDT_Datum)"),
                tuple("/Bericht/Client/Geslacht",
                        "Geslacht '7' is not in the code list; allowed: 0, 1, 2"),
                tuple("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[3]/Product",
                        "element Product is not allowed here; expected ToewijzingNummer"));
        assertThat(result.issues()).allSatisfy(issue -> {
            assertThat(issue.line()).isPositive();
            assertThat(issue.column()).isPositive();
        });
        assertThat(result.issues().get(0).line()).isEqualTo(11);
        assertThat(result.summary()).startsWith("WMO301-fout.xml (wmo301 3.2, BerichtXsdVersie 1.0.0): not valid against the XSD, 3 errors:");
    }

    @Test
    void aMessageAfterAnInvalidOrBrokenOneIsJudgedOnItsOwn() {
        // a parser is used again for the next message of its schema: nothing of one message may stay for the next
        String valid = fixture("WMO301");
        String invalid = valid.replace("<wmo301:Geslacht>2</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>");
        String broken = valid.substring(0, valid.length() / 2);

        for (String before : new String[] {invalid, broken}) {
            assertThat(validator.validate(before.getBytes(StandardCharsets.UTF_8), "WMO301-voor.xml").issues()).isNotEmpty();
            ValidationResult after = validator.validate(valid.getBytes(StandardCharsets.UTF_8), "WMO301.xml");
            assertThat(after.issues()).as(after.summary()).isEmpty();
            assertThat(validator.validate(invalid.getBytes(StandardCharsets.UTF_8), "WMO301-weer.xml").issues())
                    .extracting(ValidationIssue::path).containsExactly("/Bericht/Client/Geslacht");
        }
    }

    @Test
    void messagesValidatedAtOnceOnSeveralThreadsAreEachJudgedOnTheirOwn() throws Exception {
        String valid = fixture("WMO301");
        String invalid = valid.replace("<wmo301:Geslacht>2</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ValidationIssue>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String xml = i % 2 == 0 ? valid : invalid;
                results.add(threads.submit(() -> validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO301.xml").issues()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as("message " + i).hasSize(i % 2 == 0 ? 0 : 1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void errorsAreReadableEnglishOnAMachineThatSpeaksAnotherLanguage() {
        String xml = fixture("WMO301").replace("<wmo301:Geslacht>2</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>");
        Locale machine = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO301-fout.xml");

            assertThat(result.issues()).extracting(ValidationIssue::path, ValidationIssue::message).containsExactly(
                    tuple("/Bericht/Client/Geslacht", "Geslacht '7' is not in the code list; allowed: 0, 1, 2"));
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void theResultCarriesTheSha256OfEveryByteValidatedUpToTheEndOfTheFile(@TempDir Path dir) throws Exception {
        byte[] bytes = (fixture("WMO315") + "\n<!-- na het einde -->\n\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("WMO315.xml"), bytes);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        assertThat(validator.validate(file).sha256()).isEqualTo(expected);
        assertThat(validator.validate(bytes, "WMO315.xml").sha256()).isEqualTo(expected);
    }

    @Test
    void aHeaderReadBeforeSparesTheSecondReadingAndTheWholeMessageIsStillValidated(@TempDir Path dir) throws Exception {
        Path valid = Files.writeString(dir.resolve("WMO315.xml"), fixture("WMO315"));
        Path invalid = Files.writeString(dir.resolve("WMO301.xml"), fixture("WMO301")
                .replace("<wmo301:Geslacht>2</wmo301:Geslacht>", "<wmo301:Geslacht>7</wmo301:Geslacht>"));

        ValidationResult result = validator.validate(valid, header(valid), ContentListener.NONE);
        assertThat(result.isValid()).isTrue();
        assertThat(result.sha256()).isEqualTo(validator.validate(valid).sha256());
        assertThat(validator.validate(invalid, header(invalid), ContentListener.NONE).issues())
                .extracting(ValidationIssue::path).containsExactly("/Bericht/Client/Geslacht");
    }

    private static MessageHeader header(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return new HeaderReader().read(in);
        }
    }

    @Test
    void bsnAndNamesInErrorTextsAreMasked() {
        String xml = fixture("WMO301")
                .replace("<wmo301:Bsn>999990019</wmo301:Bsn>", "<wmo301:Bsn>9999900190</wmo301:Bsn>")
                .replace("<iwmo:Voorletters>ZA</iwmo:Voorletters>", "<iwmo:Voorletters>Z4</iwmo:Voorletters>")
                .replace("<iwmo:Achternaam>Terpstra</iwmo:Achternaam>\n\t\t\t</iwmo:Partnernaam>",
                        "<iwmo:Achternaam>" + "Terpstra".repeat(30) + "</iwmo:Achternaam>\n\t\t\t</iwmo:Partnernaam>");

        ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO301.xml");

        assertThat(result.summary()).doesNotContain("9999900190", "999990019", "Z4", "TerpstraTerpstra")
                .contains("Bsn '******0190'", "Voorletters 'Z***'", "Achternaam 'T***' is 240 characters long; at most 200 allowed");
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsEverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "GEHEIM-7f3a");
        try (ServerSocket listener = new ServerSocket(0)) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Bericht [\n"
                    + "<!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "<!ENTITY remote SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/x\">\n]>\n"
                    + "<wmo301:Bericht xmlns:wmo301=\"http://www.istandaarden.nl/iwmo/3_2/wmo301/schema\">&file;&remote;</wmo301:Bericht>";

            ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "xxe.xml");

            assertThat(result.problem()).contains(Problem.DOCTYPE);
            assertThat(result.summary()).doesNotContain("GEHEIM").contains("xxe.xml", "DOCTYPE");
            assertThat(connectionAttempted(listener)).isFalse();
        }
    }

    @Test
    void billionLaughsIsRefusedAsDoctypeWithoutExpandingAnything() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><lolz>&lol9;</lolz>";

        ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "lol.xml");

        assertThat(result.problem()).contains(Problem.DOCTYPE);
    }

    @Test
    void anXsiSchemaLocationInTheMessageIsNeverFetched() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            String xml = fixture("WMO319").replace("<wmo319:Bericht ", "<wmo319:Bericht "
                    + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.istandaarden.nl/iwmo/3_2/wmo319/schema "
                    + "http://127.0.0.1:" + listener.getLocalPort() + "/WMO319.xsd\" ");

            ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO319.xml");

            assertThat(result.issues()).as(result.summary()).isEmpty();
            assertThat(result.schema().file()).isEqualTo(Path.of("xsd/iwmo/3.2/WMO319.xsd").toAbsolutePath());
            assertThat(connectionAttempted(listener)).isFalse();
        }
    }

    @Test
    void utf8WithByteOrderMarkAndCrlfLineEndsIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = fixture("WMO305").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, xml, 0, bom.length);
        System.arraycopy(body, 0, xml, bom.length, body.length);

        ValidationResult result = validator.validate(xml, "WMO305-bom-crlf.xml");

        assertThat(result.issues()).as(result.summary()).isEmpty();
        assertThat(result.header().identificatie()).isEqualTo("T305-000201");
    }

    @Test
    void utf16IsRefusedAsNotUtf8() {
        byte[] xml = fixture("WMO305").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16);

        ValidationResult result = validator.validate(xml, "WMO305-utf16.xml");

        assertThat(result.problem()).contains(Problem.NOT_UTF8);
        assertThat(result.summary()).contains("UTF-16");
    }

    @Test
    void latin1BytesDeclaredAsUtf8AreRefusedAsNotUtf8() {
        byte[] xml = fixture("WMO305").getBytes(StandardCharsets.ISO_8859_1);

        ValidationResult result = validator.validate(xml, "WMO305-latin1.xml");

        assertThat(result.problem()).contains(Problem.NOT_UTF8);
        assertThat(result.issues().get(0).line()).isPositive();
    }

    @Test
    void aFileOverTheMaximumIsRefusedUnreadWithOp179(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("WMO323-groot.xml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(MAX + 1);
        }

        ValidationResult result = validator.validate(big);

        assertThat(result.problem()).contains(Problem.TOO_LARGE);
        assertThat(result.summary()).contains("WMO323-groot.xml", "26,214,401 bytes", "OP179");
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        assertThat(validator.validate(new byte[0], "leeg.xml").problem()).contains(Problem.EMPTY);
    }

    @Test
    void textThatIsNotXmlIsRefusedAsNotWellFormed() {
        ValidationResult result = validator.validate("dit is geen xml".getBytes(StandardCharsets.UTF_8), "notitie.txt");

        assertThat(result.problem()).contains(Problem.NOT_WELL_FORMED);
        assertThat(result.issues().get(0).line()).isEqualTo(1);
    }

    @Test
    void aTruncatedMessageIsRefusedAsNotWellFormedWithItsPlace() {
        String xml = fixture("WMO301");
        ValidationResult result = validator.validate(xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8), "half.xml");

        assertThat(result.problem()).contains(Problem.NOT_WELL_FORMED);
        assertThat(result.summary()).contains("half.xml", "ends before the XML is complete");
    }

    @Test
    void aRootOtherThanBerichtIsRefusedAsNotAMessage() {
        ValidationResult result = validator.validate("<factuur xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8), "factuur.xml");

        assertThat(result.problem()).contains(Problem.NOT_A_MESSAGE);
        assertThat(result.summary()).contains("{urn:x}factuur");
    }

    @Test
    void anUnknownNamespaceIsRefusedAsUnknownRelease() {
        String xml = fixture("WMO301").replace("/iwmo/3_2/wmo301/schema", "/iwmo/3_9/wmo301/schema");

        ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO301-3.9.xml");

        assertThat(result.problem()).contains(Problem.UNKNOWN_RELEASE);
        assertThat(result.summary()).contains("http://www.istandaarden.nl/iwmo/3_9/wmo301/schema");
    }

    @Test
    void aBerichtCodeThatDoesNotBelongToTheNamespaceIsRefusedByTheSchema() {
        String xml = fixture("WMO301").replace("<wmo301:BerichtCode>414<", "<wmo301:BerichtCode>415<");

        ValidationResult result = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "WMO301.xml");

        assertThat(result.issues()).extracting(ValidationIssue::message).containsExactly("BerichtCode '415' must be 414");
    }

    private static boolean connectionAttempted(ServerSocket listener) throws IOException {
        listener.setSoTimeout(200);
        try (Socket ignored = listener.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static String fixture(String type) {
        return new String(Fixtures.bytes(type), StandardCharsets.UTF_8);
    }
}
