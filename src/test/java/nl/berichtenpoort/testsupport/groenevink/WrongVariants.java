package nl.berichtenpoort.testsupport.groenevink;

import java.util.ArrayList;
import java.util.List;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Declaratie;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Prestatie;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stap;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Start;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stop;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Toewijzing;

/**
 * A deliberately wrong variant of a scenario step, as its {@code fout} in the scenario file names it, and the RetourCode
 * the standard prescribes for it. The variant is a new message under the step's Identificatie with an X, so that only the
 * receiving party's rules can find what is wrong with it:
 * <ul>
 * <li>{@code ander-product-onder-toewijzingnummer} (301): the first ToewijzingNummer now stands for another product (TR332)</li>
 * <li>{@code referentie-opnieuw} (315): the request again with the ReferentieAanbieder used already (TR347)</li>
 * <li>{@code onbekend-toewijzingnummer} (305, 323): a start or prestatie on a ToewijzingNummer never assigned (TR019, TR338)</li>
 * <li>{@code zelfde-start-opnieuw} (305): the start again with the key of the accepted one (TR074)</li>
 * <li>{@code stop-zonder-start} (307): a stop whose start was never sent: its Begindatum a day later (TR382)</li>
 * </ul>
 * {@link #duplicate} is the wrong variant the sending gateway itself must refuse: its Identificatie used again (TR056).
 */
public record WrongVariants(String wat, Stap stap, String retourCode) {

    /** The state the refused variant ends in at both parties: a declaratie is rejected by its 325, the rest by a retour. */
    public String rejectedState() {
        return stap.bericht().equals("323") ? "AFGEWEZEN" : "AFGEKEURD";
    }

    static final long UNKNOWN_TOEWIJZING = 99_999_999L;

    public static WrongVariants of(Stap stap) {
        String id = stap.identificatie() + "X";
        String variant = stap.fout().variant();
        String code = stap.fout().retourcode();
        return switch (variant) {
            case "ander-product-onder-toewijzingnummer" -> {
                List<Toewijzing> toewijzingen = new ArrayList<>(stap.toewijzingen());
                Toewijzing t = toewijzingen.get(0);
                toewijzingen.set(0, new Toewijzing(t.nummer(), t.referentieAanbieder(), t.categorie(), stap.fout().code(), t.toewijzingsdatum(),
                        t.toewijzingstijd(), t.ingangsdatum(), t.einddatum(), t.redenWijziging(), t.omvang()));
                yield new WrongVariants("ToewijzingNummer " + t.nummer() + " voor product " + stap.fout().code(), variant(stap, id, toewijzingen,
                        stap.starts(), stap.stops(), stap.declaratie()), code);
            }
            case "referentie-opnieuw" -> new WrongVariants("het verzoek opnieuw met dezelfde ReferentieAanbieder", again(stap, id), code);
            case "zelfde-start-opnieuw" -> new WrongVariants("dezelfde start opnieuw", again(stap, id), code);
            case "onbekend-toewijzingnummer" -> stap.bericht().equals("323") ? unknownToewijzingInDeclaratie(stap, id, code)
                    : new WrongVariants("start op onbekend ToewijzingNummer " + UNKNOWN_TOEWIJZING, variant(stap, id, stap.toewijzingen(),
                    stap.starts().stream().map(s -> new Start(UNKNOWN_TOEWIJZING, s.categorie(), s.code(), s.toewijzingIngangsdatum(),
                            s.begindatum())).toList(), stap.stops(), stap.declaratie()), code);
            case "stop-zonder-start" -> new WrongVariants("stop van een start die nooit gestuurd is (307 voor 305)", variant(stap, id,
                    stap.toewijzingen(), stap.starts(), stap.stops().stream().map(s -> new Stop(s.toewijzingNummer(), s.categorie(), s.code(),
                            s.toewijzingIngangsdatum(), s.begindatum().plusDays(1), s.redenBeeindiging(), s.einddatum())).toList(),
                    stap.declaratie()), code);
            default -> throw new IllegalArgumentException("stap " + stap.nr() + ": unknown fout variant " + variant);
        };
    }

    /** Another message under the step's Identificatie: a day later, otherwise the same (TR056, RetourCode 9056). */
    public static WrongVariants duplicate(Stap stap) {
        return new WrongVariants("nog een bericht onder Identificatie " + stap.identificatie(), stap.with(stap.identificatie(),
                stap.dagtekening().plusDays(1), stap.toewijzingen(), stap.aanvragen(), stap.starts(), stap.stops(), stap.declaratie()), "9056");
    }

    private static WrongVariants unknownToewijzingInDeclaratie(Stap stap, String id, String code) {
        Declaratie declaratie = stap.declaratie();
        List<Prestatie> prestaties = declaratie.prestaties().stream().map(p -> new Prestatie(p.referentieNummer() + "X", UNKNOWN_TOEWIJZING,
                p.categorie(), p.code(), p.begindatum(), p.einddatum(), p.volume(), p.eenheid(), p.tarief(), p.bedrag())).toList();
        return new WrongVariants("declaratie op onbekend ToewijzingNummer " + UNKNOWN_TOEWIJZING, variant(stap, id, stap.toewijzingen(),
                stap.starts(), stap.stops(), new Declaratie(declaratie.nummer() + "X", declaratie.begindatum(), declaratie.einddatum(), prestaties)),
                code);
    }

    /** The step unchanged under another Identificatie. */
    private static Stap again(Stap stap, String identificatie) {
        return variant(stap, identificatie, stap.toewijzingen(), stap.starts(), stap.stops(), stap.declaratie());
    }

    private static Stap variant(Stap stap, String identificatie, List<Toewijzing> toewijzingen, List<Start> starts, List<Stop> stops,
                                Declaratie declaratie) {
        return stap.with(identificatie, stap.dagtekening(), toewijzingen, stap.aanvragen(), starts, stops, declaratie);
    }
}
