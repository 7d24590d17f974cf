package nl.berichtenpoort.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.message.Standard;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.MessageStore.Direction;

/**
 * What a gemeente checks on a declaratie (323) against what it assigned and what it received before, per prestatie
 * (IV087: a prestatie is granted or rejected as a whole): TR333 a DeclaratieNummer is unique per aanbieder; TR338 the
 * prestatie belongs to a toewijzing of this client; TR384 not to a removed one; TR339-TR341 the same categorie, code
 * and eenheid; TR307, TR308 within its period; TR387, TR388 the whole month unless the toewijzing starts or ends in
 * it; TR321 the volume fits the assigned volume; TR346 the amount is volume times tarief (for minutes at an hourly
 * tarief as IV081 computes it).
 */
public final class DeclaratieRules implements RuleFamily {

    static final Rule TR333 = new Rule("TR333", "9333", "DeclaratieNummer is uniek voor de aanbieder binnen het wettelijk domein");
    static final Rule TR338 = new Rule("TR338", "9338", "Een prestatie hoort bij een toegewezen product op basis van het ToewijzingNummer");
    static final Rule TR384 = new Rule("TR384", "9384", "Er wordt niet gedeclareerd op een verwijderde toewijzing (RedenWijziging 13)");
    static final Rule TR339 = new Rule("TR339", "9339", "ProductCategorie is die van het toegewezen product");
    static final Rule TR340 = new Rule("TR340", "9340", "ProductCode is die van het toegewezen product");
    static final Rule TR341 = new Rule("TR341", "9341", "Eenheid past bij die van het toegewezen product");
    static final Rule TR307 = new Rule("TR307", "9307", "Begindatum van de productperiode ligt niet voor de ingangsdatum van de toewijzing");
    static final Rule TR308 = new Rule("TR308", "9308", "Einddatum van de productperiode ligt niet na de einddatum van de toewijzing");
    static final Rule TR387 = new Rule("TR387", "9387", "De productperiode begint op de eerste dag van de maand, of op de ingangsdatum van de toewijzing");
    static final Rule TR388 = new Rule("TR388", "9388", "De productperiode eindigt op de laatste dag van de maand, of op de einddatum van de toewijzing");
    static final Rule TR321 = new Rule("TR321", "9321", "Het geleverde volume past binnen het toegewezen volume");
    static final Rule TR346 = new Rule("TR346", "9346", "IngediendBedrag is GeleverdVolume maal ProductTarief");

    private static final Set<MessageState> NOT_RECEIVED = Set.of(MessageState.AFGEWEZEN, MessageState.AFGEKEURD, MessageState.FOUT);
    private static final String MINUTES = "01";
    private static final String HOURS = "04";
    private static final String EUROS = "83";

    private final MessageStore store;
    private final SentToewijzingen toewijzingen;
    private final ClientKeys clientKeys;

    public DeclaratieRules(MessageStore store, SentToewijzingen toewijzingen, ClientKeys clientKeys) {
        this.store = store;
        this.toewijzingen = toewijzingen;
        this.clientKeys = clientKeys;
    }

    @Override
    public List<Rule> rules() {
        return List.of(TR333, TR338, TR384, TR339, TR340, TR341, TR307, TR308, TR387, TR388, TR321, TR346);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("323")) {
            return List.of();
        }
        String nummer = context.message().text("Declaratie/DeclaratieNummer");
        boolean used = store.findByKey(Direction.IN, List.of(context.type().name()), context.identity().sender(), context.identity().receiver(),
                ReferenceKind.DECLARATIENUMMER, nummer).stream().anyMatch(m -> m.id() != context.storeId() && !NOT_RECEIVED.contains(m.state()));
        if (used) {
            return List.of(new Violation(TR333, "/Bericht/Declaratie", "DeclaratieNummer " + nummer + " was used before by "
                    + context.identity().sender()));
        }
        List<Violation> violations = new ArrayList<>();
        for (MessageTree client : context.message().all("Declaratie/Clienten/Client")) {
            String clientKey = clientKeys.of(client.text("Bsn"));
            for (MessageTree prestatie : client.all("Prestaties/Prestatie")) {
                check(context, clientKey, prestatie).forEach(v -> violations.add(new Violation(v.rule(), prestatie.path(), v.message())));
            }
        }
        return violations;
    }

    private List<Violation> check(RuleContext context, String clientKey, MessageTree prestatie) {
        String nummer = prestatie.text("ToewijzingNummer");
        Optional<SentToewijzingen.Toewijzing> found = toewijzingen.current(context, nummer).filter(t -> t.clientKey().equals(clientKey));
        if (found.isEmpty()) {
            return List.of(violation(TR338, "gemeente " + context.identity().receiver() + " assigned no toewijzing " + nummer
                    + " to this client of " + context.identity().sender()));
        }
        MessageTree toewijzing = found.get().product();
        List<Violation> violations = new ArrayList<>();
        if ("13".equals(toewijzing.text("RedenWijziging"))) {
            violations.add(violation(TR384, "toewijzing " + nummer + " was removed"));
        }
        if (!prestatie.text("ProductCategorie").equals(toewijzing.text("Product/Categorie"))) {
            violations.add(violation(TR339, "categorie " + prestatie.text("ProductCategorie") + ", assigned " + toewijzing.text("Product/Categorie")));
        }
        String code = toewijzing.text("Product/Code");
        if (!code.isEmpty() && !prestatie.text("ProductCode").equals(code)) {
            violations.add(violation(TR340, "code " + prestatie.text("ProductCode") + ", assigned " + code));
        }
        String eenheid = prestatie.text("Eenheid");
        String assigned = toewijzing.text("Omvang/Eenheid");
        boolean minutesForHours = eenheid.equals(MINUTES) && assigned.equals(HOURS);
        if (!assigned.isEmpty() && !eenheid.equals(assigned) && !minutesForHours) {
            violations.add(violation(TR341, "eenheid " + eenheid + ", assigned " + assigned));
        }
        LocalDate begin = LocalDate.parse(prestatie.text("ProductPeriode/Begindatum"));
        LocalDate end = LocalDate.parse(prestatie.text("ProductPeriode/Einddatum"));
        LocalDate ingang = LocalDate.parse(toewijzing.text("Ingangsdatum"));
        Optional<LocalDate> eind = Optional.of(toewijzing.text("Einddatum")).filter(e -> !e.isEmpty()).map(LocalDate::parse);
        if (begin.isBefore(ingang)) {
            violations.add(violation(TR307, "the period begins " + begin + ", the toewijzing on " + ingang));
        }
        if (eind.isPresent() && end.isAfter(eind.get())) {
            violations.add(violation(TR308, "the period ends " + end + ", the toewijzing on " + eind.get()));
        }
        LocalDate expectedBegin = ingang.isAfter(begin.withDayOfMonth(1)) && ingang.getMonth() == begin.getMonth() && ingang.getYear() == begin.getYear()
                ? ingang : begin.withDayOfMonth(1);
        if (!begin.equals(expectedBegin)) {
            violations.add(violation(TR387, "the period begins " + begin + " instead of " + expectedBegin));
        }
        LocalDate lastDay = end.withDayOfMonth(end.lengthOfMonth());
        LocalDate expectedEnd = eind.filter(e -> e.isBefore(lastDay) && e.getMonth() == end.getMonth() && e.getYear() == end.getYear())
                .orElse(lastDay);
        if (!end.equals(expectedEnd)) {
            violations.add(violation(TR388, "the period ends " + end + " instead of " + expectedEnd));
        }
        maximum(context, toewijzing, begin, end).ifPresent(max -> {
            long volume = Long.parseLong(prestatie.text("GeleverdVolume"));
            long delivered = minutesForHours ? (volume + 59) / 60 : volume;
            if (delivered > max) {
                violations.add(violation(TR321, "volume " + volume + " exceeds the " + max + " assigned for this period"));
            }
        });
        if (!eenheid.equals(EUROS) && prestatie.has("ProductTarief")) {
            long volume = Long.parseLong(prestatie.text("GeleverdVolume"));
            long tarief = Long.parseLong(prestatie.text("ProductTarief"));
            long amount = Long.parseLong(prestatie.text("IngediendBedrag/Bedrag"));
            long expected = volume * tarief;
            if (amount != expected && !(eenheid.equals(MINUTES) && fromHourlyTarief(volume, tarief, amount))) {
                violations.add(violation(TR346, "amount " + amount + ", volume times tarief " + expected));
            }
        }
        return violations;
    }

    /**
     * The most that may be declared in a period under the assigned Omvang (IV077, IV078): per week the volume for each
     * calendar week the period touches (hulp bij het huishouden, Wmo 01: six weeks a month), per month the volume, per
     * day the volume for each day; a total for the whole toewijzing is not checked per prestatie.
     */
    private static Optional<Long> maximum(RuleContext context, MessageTree toewijzing, LocalDate begin, LocalDate end) {
        if (!toewijzing.has("Omvang")) {
            return Optional.empty();
        }
        long volume = Long.parseLong(toewijzing.text("Omvang/Volume"));
        return switch (toewijzing.text("Omvang/Frequentie")) {
            case "1" -> Optional.of(volume * (ChronoUnit.DAYS.between(begin, end) + 1));
            case "2" -> Optional.of(volume * (context.type().standard() == Standard.IWMO && "01".equals(toewijzing.text("Product/Categorie"))
                    ? 6 : weeks(begin, end)));
            case "4" -> Optional.of(volume);
            default -> Optional.empty();
        };
    }

    /**
     * IV081: minutes declared at an hourly tarief carry that tarief per minute, rounded to the cent, as ProductTarief, but
     * the amount is uurtarief x minutes / 60, rounded to the cent; so the amount must be what some hourly tarief (in
     * cents) that rounds to this ProductTarief gives.
     */
    private static boolean fromHourlyTarief(long minutes, long tarief, long amount) {
        return LongStream.rangeClosed(Math.max(0, 60 * tarief - 30), 60 * tarief + 29)
                .anyMatch(uurtarief -> (uurtarief * minutes + 30) / 60 == amount);
    }

    private static long weeks(LocalDate begin, LocalDate end) {
        return Stream.iterate(begin, d -> !d.isAfter(end), d -> d.plusDays(1))
                .map(d -> d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).distinct().count();
    }

    private static Violation violation(Rule rule, String message) {
        return new Violation(rule, "", message);
    }
}
