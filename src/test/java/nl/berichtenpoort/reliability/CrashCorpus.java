package nl.berichtenpoort.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.berichtenpoort.testsupport.Fixtures;

/**
 * A reproducible mix of messages for an aanbieder gateway: heenberichten its EPD exports (305, 307, 315, 317, 323 of
 * both standards) and toewijzingen (301) the gemeente sends, each under its own Identificatie; every toewijzing for a
 * client of its own (a valid BSN) with ToewijzingNummers of its own, so that the gateway accepts each one.
 */
record CrashCorpus(List<Bericht> berichten) {

    static final List<String> EPD_TYPES = List.of("WMO305", "WMO307", "WMO315", "WMO317", "WMO323", "JW305", "JW307", "JW315", "JW317", "JW323");
    private static final Pattern TOEWIJZINGNUMMER = Pattern.compile("(:ToewijzingNummer>)(\\d+)(<)");

    /** One message and the side it comes from. */
    record Bericht(String type, String identificatie, boolean fromEpd, byte[] content) {

        String fileName() {
            return type.toLowerCase() + "-" + identificatie + ".xml";
        }
    }

    static CrashCorpus generate(long seed, int fromEpd, int fromGemeente) {
        Random random = new Random(seed);
        List<Bericht> all = new ArrayList<>();
        for (int i = 0; i < fromEpd; i++) {
            String type = EPD_TYPES.get(random.nextInt(EPD_TYPES.size()));
            String id = String.format("CE%05d", i);
            all.add(new Bericht(type, id, true, Fixtures.withIdentity(type, id).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < fromGemeente; i++) {
            String type = random.nextBoolean() ? "WMO301" : "JW301";
            String id = String.format("CG%05d", i);
            String xml = Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity(type, id)).replace(">999990019<", ">" + Fixtures.bsn(random) + "<");
            all.add(new Bericht(type, id, false, ownToewijzingNummers(xml, 700_000_000L + i * 10L).getBytes(StandardCharsets.UTF_8)));
        }
        Collections.shuffle(all, random);
        return new CrashCorpus(List.copyOf(all));
    }

    /** Renumbers the ToewijzingNummers from {@code first} on, the same number for the same original. */
    private static String ownToewijzingNummers(String xml, long first) {
        List<String> seen = new ArrayList<>();
        Matcher matcher = TOEWIJZINGNUMMER.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            if (!seen.contains(matcher.group(2))) {
                seen.add(matcher.group(2));
            }
            matcher.appendReplacement(out, "$1" + (first + seen.indexOf(matcher.group(2))) + "$3");
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
