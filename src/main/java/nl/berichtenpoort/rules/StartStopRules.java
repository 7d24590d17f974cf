package nl.berichtenpoort.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.Leveringen;
import nl.berichtenpoort.store.Leveringen.Levering;
import nl.berichtenpoort.store.Leveringen.Soort;

/**
 * What a gemeente checks on a start (305) or stop (307) against the toewijzingen it sent and the starts and stops it
 * accepted before (IV008 key: ToewijzingNummer, Product, Begindatum; a stop adds RedenBeeindiging and Einddatum):
 * TR019 a toewijzingnummer names a toewijzing of this client; TR074 a new line has a new key; TR326 no second current
 * start on a toewijzing; TR382 a stop names a current start; TR413-TR415 the order of temporary and definitive stops;
 * TR063 a withdrawal names an earlier line; TR071 a start that was stopped cannot be withdrawn.
 */
public final class StartStopRules implements RuleFamily {

    static final Rule TR019 = new Rule("TR019", "9019", "Een start of stop hoort bij een toewijzing op basis van het ToewijzingNummer");
    static final Rule TR074 = new Rule("TR074", "9074", "Een aanlevering met StatusAanlevering 1 heeft een sleutel die nog niet ontvangen is");
    static final Rule TR326 = new Rule("TR326", "9326", "Een start mag pas als er geen actuele start bij het toegewezen product is");
    static final Rule TR382 = new Rule("TR382", "9069", "Een stop neemt de sleutel van een actuele start ongewijzigd over");
    static final Rule TR413 = new Rule("TR413", "9413", "Na een tijdelijke stop (reden 20) volgt geen tweede tijdelijke stop");
    static final Rule TR414 = new Rule("TR414", "9414", "De einddatum van een volgende stop ligt niet voor die van de actuele stop");
    static final Rule TR415 = new Rule("TR415", "9415", "Na een definitieve stop volgt geen andere stop");
    static final Rule TR063 = new Rule("TR063", "9063", "Een verwijdering (StatusAanlevering 3) vraagt een eerdere aanlevering met dezelfde sleutel");
    static final Rule TR071 = new Rule("TR071", "9071", "Een start kan niet verwijderd worden als er al een stop is");

    private static final String TEMPORARY = "20";

    private final Leveringen leveringen;
    private final SentToewijzingen toewijzingen;
    private final ClientKeys clientKeys;

    public StartStopRules(Leveringen leveringen, SentToewijzingen toewijzingen, ClientKeys clientKeys) {
        this.leveringen = leveringen;
        this.toewijzingen = toewijzingen;
        this.clientKeys = clientKeys;
    }

    @Override
    public List<Rule> rules() {
        return List.of(TR019, TR074, TR326, TR382, TR413, TR414, TR415, TR063, TR071);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("305", "307")) {
            return List.of();
        }
        String client = clientKeys.of(context.message().text("Client/Bsn"));
        List<Levering> current = leveringen.current(partij(context, client));
        List<Violation> violations = new ArrayList<>();
        String lines = context.is("305") ? "Client/StartProducten/StartProduct" : "Client/StopProducten/StopProduct";
        for (MessageTree line : context.message().all(lines)) {
            Line l = Line.of(line);
            if (context.is("305")) {
                checkStart(context, client, l, current, violations);
            } else {
                checkStop(context, client, l, current, violations);
            }
        }
        return violations;
    }

    private void checkStart(RuleContext context, String client, Line line, List<Levering> current, List<Violation> violations) {
        Optional<Levering> same = current.stream().filter(l -> l.soort() == Soort.START && line.sameStart(l)).findFirst();
        if (line.withdraws()) {
            if (same.isEmpty()) {
                violations.add(line.violation(TR063, "no earlier start with this key to withdraw"));
            } else if (current.stream().anyMatch(l -> l.soort() == Soort.STOP && line.sameStart(l))) {
                violations.add(line.violation(TR071, "the start was stopped already"));
            }
            return;
        }
        checkToewijzing(context, client, line, violations);
        if (same.isPresent()) {
            violations.add(line.violation(TR074, "a start with this key was received before"));
        } else if (line.nummer() != null && current.stream().anyMatch(start -> start.soort() == Soort.START
                && line.nummer().equals(start.toewijzingNummer()) && stopsOf(start, current).isEmpty())) {
            violations.add(line.violation(TR326, "toewijzing " + line.nummer() + " has a current start that was not stopped"));
        }
    }

    private void checkStop(RuleContext context, String client, Line line, List<Levering> current, List<Violation> violations) {
        List<Levering> stops = current.stream().filter(l -> l.soort() == Soort.STOP && line.sameStart(l)).toList();
        if (line.withdraws()) {
            if (stops.stream().noneMatch(line::sameStop)) {
                violations.add(line.violation(TR063, "no earlier stop with this key to withdraw"));
            }
            return;
        }
        checkToewijzing(context, client, line, violations);
        if (current.stream().noneMatch(l -> l.soort() == Soort.START && line.sameStart(l))) {
            violations.add(line.violation(TR382, "no current start with ToewijzingNummer " + line.nummer() + ", product " + line.product()
                    + " and Begindatum " + line.begindatum()));
        } else if (stops.stream().anyMatch(line::sameStop)) {
            violations.add(line.violation(TR074, "a stop with this key was received before"));
        } else if (stops.stream().anyMatch(stop -> !TEMPORARY.equals(stop.redenBeeindiging()))) {
            violations.add(line.violation(TR415, "the start was stopped definitively before"));
        } else if (TEMPORARY.equals(line.reden()) && !stops.isEmpty()) {
            violations.add(line.violation(TR413, "the start was stopped temporarily before"));
        } else if (stops.stream().anyMatch(stop -> stop.einddatum().isAfter(line.einddatum()))) {
            violations.add(line.violation(TR414, "an earlier stop of this start ends later"));
        }
    }

    private void checkToewijzing(RuleContext context, String client, Line line, List<Violation> violations) {
        if (line.nummer() == null) {
            return;
        }
        Optional<SentToewijzingen.Toewijzing> toewijzing = toewijzingen.current(context, line.nummer().toString());
        if (toewijzing.isEmpty() || !toewijzing.get().clientKey().equals(client)) {
            violations.add(line.violation(TR019, "gemeente " + context.identity().receiver() + " sent no toewijzing " + line.nummer()
                    + " for this client to " + context.identity().sender()));
        }
    }

    private static List<Levering> stopsOf(Levering start, List<Levering> current) {
        return current.stream().filter(l -> l.soort() == Soort.STOP
                && l.startKey(start.toewijzingNummer(), start.product(), start.begindatum())).toList();
    }

    static Leveringen.Partij partij(RuleContext context, String clientKey) {
        return new Leveringen.Partij(context.type().standard().code(), context.identity().receiver(), context.identity().sender(), clientKey);
    }

    /** A StartProduct or StopProduct of a message, with its key. */
    public record Line(String path, Long nummer, String product, LocalDate begindatum, String reden, LocalDate einddatum, String status) {

        public static Line of(MessageTree line) {
            String nummer = line.text("ToewijzingNummer");
            String einddatum = line.text("Einddatum");
            return new Line(line.path(), nummer.isEmpty() ? null : Long.valueOf(nummer), product(line),
                    LocalDate.parse(line.text("Begindatum")), line.text("RedenBeeindiging"), einddatum.isEmpty() ? null : LocalDate.parse(einddatum),
                    line.text("StatusAanlevering"));
        }

        /** Categorie/Code, or empty when the line names no product. */
        static String product(MessageTree line) {
            return line.has("Product") ? line.text("Product/Categorie") + "/" + line.text("Product/Code") : "";
        }

        public boolean withdraws() {
            return "3".equals(status);
        }

        public boolean sameStart(Levering levering) {
            return levering.startKey(nummer, product, begindatum);
        }

        public boolean sameStop(Levering stop) {
            return sameStart(stop) && reden.equals(stop.redenBeeindiging()) && einddatum.equals(stop.einddatum());
        }

        Violation violation(Rule rule, String message) {
            return new Violation(rule, path, message);
        }
    }
}
