package nl.berichtenpoort.testsupport.groenevink;

import java.util.List;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Declaratie;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Prestatie;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Start;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stap;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stop;

/**
 * A deliberately wrong variant of a scenario step, and the RetourCode the standard prescribes for it: a start or a
 * declaratie on a ToewijzingNummer the gemeente never assigned (TR019 9019, TR338 9338), a stop of a start that was
 * never sent (TR382 9069), or the message again under its Identificatie with other content (TR056 9056).
 */
public record WrongVariants(String wat, Stap stap, String retourCode) {

    static final long UNKNOWN_TOEWIJZING = 99_999_999L;

    /** The wrong variant of a step; its Identificatie is the step's with an X, unless the Identificatie is the point. */
    public static WrongVariants of(Stap stap) {
        String id = stap.identificatie() + "X";
        if (stap.bericht().equals("305") && stap.starts().get(0).toewijzingNummer() != null) {
            List<Start> starts = stap.starts().stream().map(s -> new Start(UNKNOWN_TOEWIJZING, s.categorie(), s.code(), s.toewijzingIngangsdatum(),
                    s.begindatum())).toList();
            return new WrongVariants("start op onbekend ToewijzingNummer " + UNKNOWN_TOEWIJZING, copy(stap, id, starts, stap.stops(),
                    stap.declaratie()), "9019");
        }
        if (stap.bericht().equals("307")) {
            List<Stop> stops = stap.stops().stream().map(s -> new Stop(s.toewijzingNummer(), s.categorie(), s.code(), s.toewijzingIngangsdatum(),
                    s.begindatum().plusDays(1), s.redenBeeindiging(), s.einddatum())).toList();
            return new WrongVariants("stop van een start die nooit gestuurd is (307 voor 305)", copy(stap, id, stap.starts(), stops,
                    stap.declaratie()), "9069");
        }
        if (stap.bericht().equals("323")) {
            Declaratie declaratie = stap.declaratie();
            List<Prestatie> prestaties = declaratie.prestaties().stream().map(p -> new Prestatie(p.referentieNummer() + "X", UNKNOWN_TOEWIJZING,
                    p.categorie(), p.code(), p.begindatum(), p.einddatum(), p.volume(), p.eenheid(), p.tarief(), p.bedrag())).toList();
            return new WrongVariants("declaratie op onbekend ToewijzingNummer " + UNKNOWN_TOEWIJZING, copy(stap, id, stap.starts(), stap.stops(),
                    new Declaratie(declaratie.nummer() + "X", declaratie.begindatum(), declaratie.einddatum(), prestaties)), "9338");
        }
        Stap again = new Stap(stap.nr(), stap.titel(), stap.bericht(), stap.identificatie(), stap.dagtekening().plusDays(1), stap.toewijzingen(),
                stap.aanvragen(), stap.starts(), stap.stops(), stap.declaratie());
        return new WrongVariants("nog een bericht onder Identificatie " + stap.identificatie(), again, "9056");
    }

    private static Stap copy(Stap stap, String identificatie, List<Start> starts, List<Stop> stops, Declaratie declaratie) {
        return new Stap(stap.nr(), stap.titel(), stap.bericht(), identificatie, stap.dagtekening(), stap.toewijzingen(), stap.aanvragen(),
                starts, stops, declaratie);
    }
}
