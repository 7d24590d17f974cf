package nl.berichtenpoort.message;

import java.util.Map;

/**
 * One RetourCode in a retour, with the berichtklasse it was given to.
 *
 * @param path the element path of the class, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]
 * @param keys what identifies that class to a person: ToewijzingNummer, ReferentieAanbieder, ReferentieNummer, the
 *             masked Bsn of its client
 */
public record RetourCodeHit(String path, String berichtklasse, String code, Map<String, String> keys) {

    public RetourCodeHit {
        keys = Map.copyOf(keys);
    }

    /** The kind of class in words: header, cliënt, product, prestatie, ... */
    public String category() {
        return switch (berichtklasse) {
            case "Header" -> "header";
            case "Client" -> "cliënt";
            case "Relatie", "Contact" -> "relatie";
            case "Verzoek" -> "verzoek";
            case "Antwoord", "Woonplaatsbeginsel" -> "antwoord";
            case "DeclaratieAntwoord" -> "declaratie";
            case "Prestatie" -> "prestatie";
            default -> berichtklasse.endsWith("Product") ? "product" : berichtklasse;
        };
    }
}
