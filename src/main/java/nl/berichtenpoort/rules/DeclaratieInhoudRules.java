package nl.berichtenpoort.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.berichtenpoort.message.MessageTree;

/**
 * The message-level rules of a declaratie (323), all RetourCode 0001 in a header-only 325: CS340 the declaratieperiode
 * is one whole calendar month; CS337 a productperiode lies within one month; TR137 no period ends after the message's
 * Dagtekening; TR319 nor after the declaratieperiode; CS100 none begins before 2021; CD087 a tarief exactly when the
 * eenheid is not 83 (euro's); CS339 with eenheid 83 the amount is the volume; TR358 the total is the sum of the
 * prestaties, debet minus credit.
 */
public final class DeclaratieInhoudRules implements RuleFamily {

    static final Rule CS340 = new Rule("CS340", Rule.TECHNICAL, "De declaratieperiode is exact 1 hele kalendermaand");
    static final Rule CS337 = new Rule("CS337", Rule.TECHNICAL, "Begin- en einddatum van de productperiode liggen in dezelfde kalendermaand");
    static final Rule TR137 = new Rule("TR137", Rule.TECHNICAL, "Een einddatum ligt niet na de Dagtekening van het bericht");
    static final Rule TR319 = new Rule("TR319", Rule.TECHNICAL, "De productperiode ligt niet na de declaratieperiode");
    static final Rule CS100 = new Rule("CS100", Rule.TECHNICAL, "Een begindatum ligt op of na 1 januari 2021");
    static final Rule CD087 = new Rule("CD087", Rule.TECHNICAL, "ProductTarief is gevuld als de eenheid niet 83 (euro's) is, anders leeg");
    static final Rule CS339 = new Rule("CS339", Rule.TECHNICAL, "Bij eenheid 83 (euro's) is IngediendBedrag gelijk aan GeleverdVolume");
    static final Rule TR358 = new Rule("TR358", Rule.TECHNICAL, "TotaalIngediendBedrag is de som van de ingediende bedragen, debet min credit");

    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);

    @Override
    public List<Rule> rules() {
        return List.of(CS340, CS337, TR137, TR319, CS100, CD087, CS339, TR358);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("323")) {
            return List.of();
        }
        MessageTree declaratie = context.message().first("Declaratie").orElseThrow();
        List<Violation> violations = new ArrayList<>();
        LocalDate begin = LocalDate.parse(declaratie.text("DeclaratiePeriode/Begindatum"));
        LocalDate end = LocalDate.parse(declaratie.text("DeclaratiePeriode/Einddatum"));
        String period = declaratie.path() + "/DeclaratiePeriode";
        if (begin.getDayOfMonth() != 1 || !end.equals(begin.withDayOfMonth(begin.lengthOfMonth()))) {
            violations.add(new Violation(CS340, period, begin + " to " + end + " is not one whole calendar month"));
        }
        periodRules(context, period, begin, end, violations);
        long total = 0;
        for (MessageTree prestatie : declaratie.all("Clienten/Client/Prestaties/Prestatie")) {
            LocalDate from = LocalDate.parse(prestatie.text("ProductPeriode/Begindatum"));
            LocalDate to = LocalDate.parse(prestatie.text("ProductPeriode/Einddatum"));
            if (from.getYear() != to.getYear() || from.getMonth() != to.getMonth()) {
                violations.add(new Violation(CS337, prestatie.path(), "productperiode " + from + " to " + to + " spans more than one month"));
            }
            periodRules(context, prestatie.path(), from, to, violations);
            if (to.isAfter(end)) {
                violations.add(new Violation(TR319, prestatie.path(), "productperiode ends " + to + ", after the declaratieperiode"));
            }
            boolean euros = "83".equals(prestatie.text("Eenheid"));
            if (euros == prestatie.has("ProductTarief")) {
                violations.add(new Violation(CD087, prestatie.path(), euros ? "a tarief with eenheid 83" : "no tarief with eenheid "
                        + prestatie.text("Eenheid")));
            }
            long amount = Long.parseLong(prestatie.text("IngediendBedrag/Bedrag"));
            if (euros && amount != Long.parseLong(prestatie.text("GeleverdVolume"))) {
                violations.add(new Violation(CS339, prestatie.path(), "amount " + amount + " is not the volume " + prestatie.text("GeleverdVolume")));
            }
            total += "C".equals(prestatie.text("IngediendBedrag/DebetCredit")) ? -amount : amount;
        }
        long stated = Long.parseLong(declaratie.text("TotaalIngediendBedrag/TotaalBedrag"));
        long signedTotal = "C".equals(declaratie.text("TotaalIngediendBedrag/DebetCredit")) ? -stated : stated;
        if (signedTotal != total) {
            violations.add(new Violation(TR358, declaratie.path(), "TotaalIngediendBedrag " + signedTotal + ", prestaties " + total));
        }
        return violations;
    }

    private static void periodRules(RuleContext context, String path, LocalDate begin, LocalDate end, List<Violation> violations) {
        if (end.isAfter(context.dagtekening())) {
            violations.add(new Violation(TR137, path, "ends " + end + ", after Dagtekening " + context.dagtekening()));
        }
        if (begin.isBefore(FIRST_DAY)) {
            violations.add(new Violation(CS100, path, "begins " + begin + ", before 2021"));
        }
    }
}
