package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** The project's own rich, valid example messages: one per message type and standard, in src/test/resources/berichten. */
public final class Fixtures {

    public static final Path ROOT = Path.of("src", "test", "resources", "berichten");

    private Fixtures() {
    }

    /** All 28 fixtures, iWmo first, sorted by type. */
    public static List<Path> all() {
        try (Stream<Path> files = Stream.concat(Files.list(ROOT.resolve("iwmo")), Files.list(ROOT.resolve("ijw")))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture of one message type, e.g. {@code WMO301} or {@code JW325}. */
    public static Path of(String type) {
        return ROOT.resolve(type.startsWith("WMO") ? "iwmo" : "ijw").resolve(type + ".xml");
    }

    public static byte[] bytes(String type) {
        try {
            return Files.readAllBytes(of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as text. */
    public static String text(String type) {
        return new String(bytes(type), StandardCharsets.UTF_8);
    }

    /**
     * The fixture under another identity of its own: the IdentificatieRetour of a classic retour, else the
     * Identificatie of its BerichtIdentificatie (at most 12 characters).
     */
    public static String withIdentity(String type, String identificatie) {
        String xml = text(type);
        if (xml.contains(":IdentificatieRetour>")) {
            return xml.replaceFirst(":IdentificatieRetour>[^<]*<", ":IdentificatieRetour>" + identificatie + "<");
        }
        return xml.replaceFirst(":Identificatie>[^<]*<", ":Identificatie>" + identificatie + "<");
    }

    /** A retour text whose RetourCodes all accept: 0200 everywhere, 8001 on the DeclaratieAntwoord of a 325. */
    public static String accepting(String xml) {
        String accepted = xml.replaceAll("(?<open><[a-z0-9]+:RetourCode>)[^<]*<", "${open}0200<");
        return accepted.replaceAll("(?s)(?<head></[a-z0-9]+:Clienten>\\s*<[a-z0-9]+:RetourCodes>\\s*<[a-z0-9]+:RetourCode>)0200<", "${head}8001<");
    }

    /** A retour text that answers the heenbericht with this Identificatie. */
    public static String answering(String xml, String heenIdentificatie) {
        if (xml.contains(":DeclaratieIdentificatie>")) {
            return xml.replaceFirst("(?s)(:DeclaratieIdentificatie>\\s*<[a-z]+:Identificatie>)[^<]*<", "$1" + heenIdentificatie + "<");
        }
        return xml.replaceFirst(":Identificatie>[^<]*<", ":Identificatie>" + heenIdentificatie + "<");
    }

    /** A toewijzing that honours no request: without ReferentieAanbieder (which TR379 would check). */
    public static String withoutReferentieAanbieder(String xml) {
        return xml.replaceAll("\\s*<[a-z0-9]+:ReferentieAanbieder>[^<]*</[a-z0-9]+:ReferentieAanbieder>", "");
    }

    public static String type(Path fixture) {
        return fixture.getFileName().toString().replace(".xml", "");
    }

    /** A BSN that passes the 11-proef. */
    public static String bsn(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? 1 + random.nextInt(8) : random.nextInt(10);
                sum += digits[i] * (9 - i);
            }
            int last = sum % 11;
            if (last < 10) {
                digits[8] = last;
                StringBuilder bsn = new StringBuilder();
                for (int digit : digits) {
                    bsn.append(digit);
                }
                return bsn.toString();
            }
        }
    }
}
