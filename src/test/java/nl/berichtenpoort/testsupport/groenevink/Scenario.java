package nl.berichtenpoort.testsupport.groenevink;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Groene Vink scenario as written in src/test/resources/groene-vink/: the people and parties, the changes made to
 * express it in release 3.2, and its steps in order, each with who sends which message and the data that matters.
 * The field names are the element names of the standard, so the files read like the manual.
 */
public record Scenario(
        String naam,
        String titel,
        String bron,
        String standaard,
        String gemeente,
        String aanbieder,
        Client client,
        List<String> vertaling,
        List<Stap> stappen) {

    public static final Path FOLDER = Path.of("src", "test", "resources", "groene-vink");
    private static final ObjectMapper YAML = YAMLMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The scenario in groene-vink/{naam}.yaml. */
    public static Scenario load(String naam) {
        try {
            return YAML.readValue(FOLDER.resolve(naam + ".yaml").toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + naam, e);
        }
    }

    /** The names of all scenarios, iWmo first. */
    public static List<String> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.replace(".yaml", ""))
                    .sorted((a, b) -> a.startsWith("wmo") == b.startsWith("wmo") ? a.compareTo(b) : a.startsWith("wmo") ? -1 : 1).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isWmo() {
        return "iwmo".equals(standaard);
    }

    /** The code of the party that sends a step's message (its {@code afzender}). */
    public String afzender(Stap stap) {
        return stap.doorGemeente() ? gemeente : aanbieder;
    }

    public String ontvanger(Stap stap) {
        return stap.doorGemeente() ? aanbieder : gemeente;
    }

    /** The message type of a step, e.g. WMO305 or JW323. */
    public String type(Stap stap) {
        return (isWmo() ? "WMO" : "JW") + stap.bericht();
    }

    @Override
    public String toString() {
        return naam;
    }

    public record Client(String bsn, LocalDate geboortedatum, String geslacht, String achternaam, String voorvoegsel, String voornamen,
                         String voorletters, Adres adres, String telefoon, String email) {
    }

    public record Adres(String straatnaam, int huisnummer, String postcode, String plaatsnaam) {
    }

    /**
     * One step: who sends (gemeente or aanbieder) which message (301, 305, 307, 315 or 323) under its own Identificatie
     * and Dagtekening, with the part of its body that belongs to its type; the retour and state it should end with; and
     * the deliberately wrong variant of it with the RetourCode the receiving party must answer it with.
     */
    public record Stap(
            int nr,
            String titel,
            String afzender,
            String bericht,
            String identificatie,
            LocalDate dagtekening,
            List<Toewijzing> toewijzingen,
            List<Aanvraag> aanvragen,
            List<Start> starts,
            List<Stop> stops,
            Declaratie declaratie,
            Verwachting verwacht,
            Fout fout) {

        public boolean doorGemeente() {
            return "gemeente".equals(afzender);
        }

        /** The same step under another Identificatie, with other lines or another Dagtekening. */
        public Stap with(String identificatie, LocalDate dagtekening, List<Toewijzing> toewijzingen, List<Aanvraag> aanvragen, List<Start> starts,
                         List<Stop> stops, Declaratie declaratie) {
            return new Stap(nr, titel, afzender, bericht, identificatie, dagtekening, toewijzingen, aanvragen, starts, stops, declaratie, verwacht,
                    fout);
        }
    }

    /** The retour (302, 306, 308, 316 or 325) a step's message gets, and the state both parties record for it. */
    public record Verwachting(String retour, String status) {
    }

    /**
     * A wrong variant of a step: what is changed ({@link WrongVariants} builds it), the RetourCode the standard prescribes
     * for it, and for a toewijzing the product code put under an existing ToewijzingNummer.
     */
    public record Fout(String variant, String retourcode, String code) {
    }

    public record Omvang(long volume, String eenheid, String frequentie) {
    }

    /** A ToegewezenProduct of a 301. */
    public record Toewijzing(long nummer, String referentieAanbieder, String categorie, String code, LocalDate toewijzingsdatum,
                             LocalTime toewijzingstijd, LocalDate ingangsdatum, LocalDate einddatum, String redenWijziging, Omvang omvang) {
    }

    /** An AangevraagdProduct of a 315. */
    public record Aanvraag(String referentieAanbieder, String categorie, String code, LocalDate toewijzingIngangsdatum, Omvang omvang,
                           Verwijzer verwijzer) {
    }

    public record Verwijzer(String type, String naam, String zorgverlenerCode) {
    }

    /** A StartProduct of a 305 (StatusAanlevering 1). */
    public record Start(Long toewijzingNummer, String categorie, String code, LocalDate toewijzingIngangsdatum, LocalDate begindatum) {
    }

    /** A StopProduct of a 307 (StatusAanlevering 1). */
    public record Stop(Long toewijzingNummer, String categorie, String code, LocalDate toewijzingIngangsdatum, LocalDate begindatum,
                       String redenBeeindiging, LocalDate einddatum) {
    }

    public record Declaratie(String nummer, LocalDate begindatum, LocalDate einddatum, List<Prestatie> prestaties) {
    }

    /** A Prestatie of a 323; bedragen in eurocent. */
    public record Prestatie(String referentieNummer, long toewijzingNummer, String categorie, String code, LocalDate begindatum,
                            LocalDate einddatum, long volume, String eenheid, Long tarief, long bedrag) {
    }
}
