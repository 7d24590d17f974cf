package nl.berichtenpoort.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.berichtenpoort.message.MessageTree;

/**
 * The date rules: TR002 (a birth date at most 120 years before the Dagtekening, unless unknown), TR134 (birth dates and
 * Toewijzingsdatum not after the Dagtekening), CS003 (an end date not before its start date) and TR018 (a stop ends
 * on or after its Begindatum).
 */
public final class DateRules implements RuleFamily {

    static final Rule TR002 = new Rule("TR002", Rule.TECHNICAL,
            "Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is");
    static final Rule TR134 = new Rule("TR134", Rule.TECHNICAL,
            "Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht");
    static final Rule CS003 = new Rule("CS003", Rule.TECHNICAL, "Einddatum moet groter dan of gelijk zijn aan de begindatum");
    static final Rule TR018 = new Rule("TR018", Rule.TECHNICAL, "Einddatum moet groter dan of gelijk zijn aan Begindatum");

    /** Start and end elements of the periods CS003 covers, per class. */
    private static final List<String[]> PERIODS = List.of(
            new String[] {"ToegewezenProduct", "Ingangsdatum", "Einddatum"},
            new String[] {"Periode", "Begindatum", "Einddatum"},
            new String[] {"AangevraagdProduct", "ToewijzingIngangsdatum", "ToewijzingEinddatum"},
            new String[] {"TeWijzigenProduct", "GewensteIngangsdatum", "Einddatum"},
            new String[] {"NieuwProduct", "GewensteIngangsdatum", "Einddatum"},
            new String[] {"DeclaratiePeriode", "Begindatum", "Einddatum"},
            new String[] {"ProductPeriode", "Begindatum", "Einddatum"});

    @Override
    public List<Rule> rules() {
        return List.of(TR002, TR134, CS003, TR018);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        MessageTree message = context.message();
        LocalDate dagtekening = context.dagtekening();
        if (context.is("301", "305", "307", "315")) {
            for (MessageTree birth : message.all("Client/Geboortedatum")) {
                LocalDate date = LocalDate.parse(birth.text("Datum"));
                boolean unknown = "3".equals(birth.text("DatumGebruik")) && date.equals(LocalDate.of(1900, 1, 1));
                if (!unknown && date.isBefore(dagtekening.minusYears(120))) {
                    violations.add(new Violation(TR002, "/Bericht/Client", "Geboortedatum lies more than 120 years before Dagtekening "
                            + dagtekening));
                }
            }
        }
        if (context.is("301", "305", "307", "315")) {
            List<MessageTree> dates = new ArrayList<>(message.all("Client/Geboortedatum/Datum"));
            dates.addAll(message.all("Client/Relaties/Relatie/Geboortedatum/Datum"));
            dates.addAll(message.all("Client/ToegewezenProducten/ToegewezenProduct/Toewijzingsdatum"));
            for (MessageTree date : dates) {
                if (LocalDate.parse(date.text()).isAfter(dagtekening)) {
                    String owner = date.path().replaceAll("/(Geboortedatum/Datum|Toewijzingsdatum)$", "");
                    String what = date.name().equals("Datum") ? "Geboortedatum" : date.name();
                    violations.add(new Violation(TR134, owner, what + " " + date.text() + " lies after Dagtekening " + dagtekening));
                }
            }
        }
        for (String[] period : PERIODS) {
            for (MessageTree owner : message.descendants(period[0])) {
                if (owner.has(period[1]) && owner.has(period[2])
                        && LocalDate.parse(owner.text(period[2])).isBefore(LocalDate.parse(owner.text(period[1])))) {
                    violations.add(new Violation(CS003, owner.path(), period[2] + " " + owner.text(period[2]) + " lies before "
                            + period[1] + " " + owner.text(period[1])));
                }
            }
        }
        if (context.is("307")) {
            for (MessageTree stop : message.all("Client/StopProducten/StopProduct")) {
                if (LocalDate.parse(stop.text("Einddatum")).isBefore(LocalDate.parse(stop.text("Begindatum")))) {
                    violations.add(new Violation(TR018, stop.path(), "Einddatum " + stop.text("Einddatum") + " lies before Begindatum "
                            + stop.text("Begindatum")));
                }
            }
        }
        return violations;
    }
}
