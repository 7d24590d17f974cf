package nl.berichtenpoort.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.berichtenpoort.testsupport.Fixtures;

/**
 * A reproducible corpus of files that are not messages the gateway may pass, in classes, each with the refusal class
 * the gateway must give it. Hostile files point their entities at {@code secret} (a local file) and {@code url} (a
 * socket the test listens on).
 */
record BadInputCorpus(List<BadFile> files) {

    /** One bad file: its corpus class, name, bytes and the refusal class it must end in. */
    record BadFile(String soort, String name, byte[] content, String problem) {
    }

    private record Soort(String name, String problem, BiFunction<Random, Integer, byte[]> content) {
    }

    static BadInputCorpus generate(long seed, int perClass, String secret, String url) {
        String wmo305 = Fixtures.text("WMO305");
        List<Soort> soorten = List.of(
                new Soort("geen-xml", "NOT_WELL_FORMED", (r, i) -> utf8("dit is geen xml maar een notitie " + r.nextLong())),
                new Soort("afgebroken", "NOT_WELL_FORMED", (r, i) -> utf8(withId(wmo305, i).substring(0, 60 + r.nextInt(wmo305.length() - 200)))),
                new Soort("xxe-bestand", "DOCTYPE", (r, i) -> utf8("<?xml version=\"1.0\"?><!DOCTYPE Bericht [<!ENTITY x SYSTEM \"file://" + secret
                        + "\">]><Bericht>&x;</Bericht>")),
                new Soort("xxe-url", "DOCTYPE", (r, i) -> utf8("<?xml version=\"1.0\"?><!DOCTYPE Bericht [<!ENTITY x SYSTEM \"" + url + "/" + i
                        + "\">]><Bericht>&x;</Bericht>")),
                new Soort("xxe-parameter", "DOCTYPE", (r, i) -> utf8("<?xml version=\"1.0\"?><!DOCTYPE Bericht [<!ENTITY % p SYSTEM \"" + url
                        + "/dtd-" + i + "\"> %p;]><Bericht/>")),
                new Soort("billion-laughs", "DOCTYPE", (r, i) -> utf8(billionLaughs())),
                new Soort("doctype", "DOCTYPE", (r, i) -> utf8(withId(wmo305, i).replaceFirst("\\?>", "?><!DOCTYPE Bericht>"))),
                new Soort("utf16", "NOT_UTF8", (r, i) -> withId(wmo305, i).replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16)),
                new Soort("latin1-als-utf8", "NOT_UTF8", (r, i) -> withId(wmo305, i).replace("</wmo305:Bsn>", "</wmo305:Bsn><!-- Cliënt -->")
                        .getBytes(StandardCharsets.ISO_8859_1)),
                new Soort("bom-utf16", "NOT_UTF8", (r, i) -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8(withId(wmo305, i)))),
                new Soort("leeg", "EMPTY", (r, i) -> new byte[0]),
                new Soort("binair", "NOT_UTF8", (r, i) -> binary(r)),
                new Soort("zip", "NOT_WELL_FORMED", (r, i) -> zip(withId(wmo305, i))),
                new Soort("onbekende-namespace", "UNKNOWN_RELEASE", (r, i) -> utf8(withId(wmo305, i).replace("/iwmo/3_2/wmo305/", "/iwmo/9_9/wmo305/"))),
                new Soort("verkeerde-berichtcode", "UNKNOWN_RELEASE", (r, i) -> utf8(withId(wmo305, i)
                        .replace("<wmo305:BerichtCode>418<", "<wmo305:BerichtCode>414<"))),
                new Soort("dubbele-identificatie", "DUPLICATE", (r, i) -> utf8(Fixtures.withIdentity("WMO305", "BI-DUBBEL")
                        .replace("Dagtekening>2025-03-10<", "Dagtekening>2025-03-1" + (i % 9) + "<"))));
        Random random = new Random(seed);
        List<BadFile> files = new ArrayList<>();
        int n = 0;
        for (Soort soort : soorten) {
            for (int i = 0; i < perClass; i++) {
                n++;
                files.add(new BadFile(soort.name(), name(soort.name(), n, random), soort.content().apply(random, n), soort.problem()));
            }
        }
        Collections.shuffle(files, random);
        return new BadInputCorpus(List.copyOf(files));
    }

    /** The duplicate's first, accepted version: dropped before the corpus. */
    static byte[] original() {
        return utf8(Fixtures.withIdentity("WMO305", "BI-DUBBEL"));
    }

    /** Every fifth name is odd: spaces, letters outside ASCII, or very long. */
    private static String name(String soort, int n, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> soort + " met spaties " + n + ".xml";
            case 1 -> soort + "-cliënt-ñ-中文-" + n + ".xml";
            case 2 -> soort + "-" + "lang".repeat(40) + "-" + n + ".xml";
            default -> soort + "-" + n + ".xml";
        };
    }

    private static String withId(String xml, int n) {
        return xml.replaceFirst(":Identificatie>[^<]*<", ":Identificatie>BI" + n + "<");
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]><lolz>&lol9;</lolz>").toString();
    }

    private static byte[] binary(Random random) {
        byte[] bytes = new byte[200 + random.nextInt(2000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xC3;
        bytes[1] = (byte) 0x28; // an invalid UTF-8 sequence up front, whatever the rest
        return bytes;
    }

    private static byte[] zip(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("WMO305.xml"));
            zip.write(utf8(xml));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
