package nl.berichtenpoort.vsp;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.berichtenpoort.privacy.PersonalData;
import nl.berichtenpoort.vsp.VspJson.Melding;

/**
 * What VECOZO's (fout)meldingen with a refused message mean and what to do about them: VECOZO's own text, and for the
 * BRS codes of its Foutcodelijst the cause and the remedy in words (istandaarden REFERENCE.md §5.2).
 */
public final class VspMeldingen {

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("BRS01", "the afzender is unknown at VECOZO; check our AGB code or gemeentecode and the certificate it belongs to"),
            Map.entry("BRS02", "the afzender has no role or authorisation for this message; check the toestemmingsverklaring at VECOZO"),
            Map.entry("BRS03", "the afzender has no role or authorisation for this message; check the toestemmingsverklaring at VECOZO"),
            Map.entry("BRS04", "the addressee is not connected to VECOZO for this message; check the Ontvanger in the header"),
            Map.entry("BRS05", "the addressee has no role for grondslag Wmo or Jeugdwet; check the Ontvanger in the header"),
            Map.entry("BRS06", "the payload is too large (25 MB at most, OP179)"),
            Map.entry("BRS12", "a virus was found in the payload"),
            Map.entry("BRS13", "the payload is not valid against the XSD; correct it and send it again under a new Identificatie"),
            Map.entry("BRS14", "the payload is not well-formed XML; correct it and send it again under a new Identificatie"),
            Map.entry("BRS20", "the Identificatie (or IdentificatieRetour) is not unique for this AGB code and message type (TR056);"
                    + " send it again under a new Identificatie"),
            Map.entry("BRS28", "the payload failed VECOZO's XSLT checks of the standard's rules; correct it and send it again"),
            Map.entry("BRS33", "VECOZO has no routing rule for this message; check the berichtstroom and addressee settings"),
            Map.entry("BRS114", "the TraceerId was used before; the message is sent again with a new one when resent"));

    private VspMeldingen() {
    }

    /** Each melding on a line: code, VECOZO's text, and what it means. Personal data masked. */
    public static String describe(List<Melding> meldingen) {
        if (meldingen == null || meldingen.isEmpty()) {
            return "";
        }
        return meldingen.stream().map(VspMeldingen::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Melding melding) {
        StringBuilder line = new StringBuilder(melding.code()).append(' ').append(melding.omschrijving());
        if (melding.toelichting() != null && !melding.toelichting().isBlank()) {
            line.append(" (").append(melding.toelichting()).append(')');
        }
        String meaning = MEANING.get(melding.code());
        if (meaning == null && melding.code().matches("BRS(1[5-9]|2[01]|29)")) {
            meaning = "a problem with the ZIP file the message came in";
        }
        if (meaning != null) {
            line.append(": ").append(meaning);
        }
        return PersonalData.maskBsns(line.toString());
    }
}
