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

    /** The party that sends a step's message: gemeente for 301, aanbieder for the others. */
    public String afzender(Stap stap) {
        return stap.bericht().equals("301") ? gemeente : aanbieder;
    }

    public String ontvanger(Stap stap) {
        return stap.bericht().equals("301") ? aanbieder : gemeente;
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
     * One step: the message (301, 305, 307, 315 or 323) under its own Identificatie and Dagtekening, with the part of its
     * body that belongs to its type.
     */
    public record Stap(
            int nr,
            String titel,
            String bericht,
            String identificatie,
            LocalDate dagtekening,
            List<Toewijzing> toewijzingen,
            List<Aanvraag> aanvragen,
            List<Start> starts,
            List<Stop> stops,
            Declaratie declaratie) {
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
