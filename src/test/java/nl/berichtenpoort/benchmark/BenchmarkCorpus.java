package nl.berichtenpoort.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.berichtenpoort.testsupport.Fixtures;

/**
 * Messages an aanbieder's EPD exports, as in practice: starts, stops, requests, change requests and declaraties of both
 * standards, each for a client of its own (so no message waits for another, also across the corpora of one run: the
 * warm-up's clients are not the measured ones), declaraties with 1 to 1,000 prestaties (most small), and one
 * declaratie of about 25 MB (the OP179 maximum). Reproducible from a seed.
 */
final class BenchmarkCorpus {

    static final List<String> TYPES = List.of("WMO305", "WMO307", "WMO315", "WMO317", "WMO323", "JW305", "JW307", "JW315", "JW317", "JW323");
    /** Each message has a client of its own, numbered within the prefix (see {@link #bsn}). */
    static final int MAX_PER_PREFIX = 100_000;
    private static final Pattern FIRST_PRESTATIE = Pattern.compile("(?s)(\\s*<(\\w+):Prestatie>.*?</\\2:Prestatie>)");
    private static final Pattern PRESTATIES = Pattern.compile("(?s)(<(\\w+):Clienten>).*(</\\2:Clienten>)");

    /** One message: its type, Identificatie and bytes. */
    record Bericht(String type, String identificatie, byte[] content) {

        String fileName() {
            return type.toLowerCase() + "-" + identificatie + ".xml";
        }

        String deliveredAs() {
            return type + "_98025566_" + identificatie + ".xml";
        }
    }

    private BenchmarkCorpus() {
    }

    /** {@code count} messages with Identificaties {@code prefix}000000 and up; the prefix also sets their clients apart. */
    static List<Bericht> mixed(long seed, int count, String prefix) {
        return mixed(seed, 0, count, prefix);
    }

    /** Messages {@code first} to {@code first + count} of the corpus with this prefix. */
    static List<Bericht> mixed(long seed, int first, int count, String prefix) {
        if (first + count > MAX_PER_PREFIX) {
            throw new IllegalArgumentException("at most " + MAX_PER_PREFIX + " messages (and clients) per prefix");
        }
        Random random = new Random(seed);
        List<Bericht> all = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String type = TYPES.get(random.nextInt(TYPES.size()));
            String id = String.format("%s%06d", prefix, i);
            String bsn = bsn(prefix, i);
            String xml = type.endsWith("323") ? declaratie(type, id, bsn, prestaties(random))
                    : Fixtures.withIdentity(type, id).replace(">999990019<", ">" + bsn + "<");
            all.add(new Bericht(type, id, xml.getBytes(StandardCharsets.UTF_8)));
        }
        return all;
    }

    /**
     * A BSN of its own for message {@code index} of the corpus with this prefix. With random BSNs a 307 of the measured
     * corpus now and then had the client of a warm-up 305, and rightly waited for its retour: the run never ended.
     * Eight digits: two for the prefix's letter, five for the index, one chosen to pass the elfproef.
     */
    static String bsn(String prefix, int index) {
        String digits = String.format("%02d%05d", 10 + prefix.charAt(0) - 'A', index);
        for (int last = 0; last < 10; last++) {
            String eight = digits + last;
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (eight.charAt(i) - '0') * (9 - i);
            }
            if (sum % 11 < 10) {
                return eight + sum % 11;
            }
        }
        throw new IllegalStateException("no elfproef digit for " + digits);
    }

    /** A WMO323 of about {@code bytes} bytes, under the 25 MB limit. */
    static Bericht large(String id, long bytes) {
        String one = declaratie("WMO323", id, "999990019", 1);
        int perPrestatie = declaratie("WMO323", id, "999990019", 2).length() - one.length();
        int count = (int) ((bytes - one.length()) / perPrestatie);
        return new Bericht("WMO323", id, declaratie("WMO323", id, "999990019", count).getBytes(StandardCharsets.UTF_8));
    }

    /** Most declaraties are small; one in ten has hundreds of prestaties. */
    private static int prestaties(Random random) {
        int kind = random.nextInt(10);
        return kind < 6 ? 1 + random.nextInt(10) : kind < 9 ? 10 + random.nextInt(90) : 100 + random.nextInt(901);
    }

    /** The fixture's declaratie with one client and {@code count} copies of its first prestatie, each its own reference. */
    static String declaratie(String type, String id, String bsn, int count) {
        String xml = Fixtures.withIdentity(type, id);
        Matcher first = FIRST_PRESTATIE.matcher(xml);
        if (!first.find()) {
            throw new IllegalStateException("no Prestatie in the " + type + " fixture");
        }
        String prestatie = first.group(1);
        String ns = first.group(2);
        long bedrag = Long.parseLong(between(prestatie, ":Bedrag>"));
        String reference = between(prestatie, "ReferentieNummer>");
        StringBuilder prestaties = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            prestaties.append(prestatie.replace(">" + reference + "<", String.format(">P%07d<", i)));
        }
        String clienten = "<" + ns + ":Clienten><" + ns + ":Client><" + ns + ":Bsn>" + bsn + "</" + ns + ":Bsn><" + ns + ":Prestaties>"
                + prestaties + "</" + ns + ":Prestaties></" + ns + ":Client></" + ns + ":Clienten>";
        Matcher all = PRESTATIES.matcher(xml);
        if (!all.find()) {
            throw new IllegalStateException("no Clienten in the " + type + " fixture");
        }
        String declaratie = xml.substring(0, all.start()) + clienten + xml.substring(all.end());
        return declaratie.replaceFirst("TotaalBedrag>\\d+<", "TotaalBedrag>" + bedrag * count + "<");
    }

    private static String between(String xml, String tagEnd) {
        int start = xml.indexOf(tagEnd) + tagEnd.length();
        return xml.substring(start, xml.indexOf('<', start));
    }
}
