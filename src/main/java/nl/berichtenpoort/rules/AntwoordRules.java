package nl.berichtenpoort.rules;

import java.util.List;
import nl.berichtenpoort.message.MessageTree;

/** CD085/CD086: RedenAfwijzingVerzoek is filled when, and only when, VerzoekAntwoord is 1 (verzoek afgewezen). */
public final class AntwoordRules implements RuleFamily {

    static final Rule CD085 = new Rule("CD085", Rule.TECHNICAL, "RedenAfwijzingVerzoek is verplicht als VerzoekAntwoord 1 is");
    static final Rule CD086 = new Rule("CD086", Rule.TECHNICAL, "RedenAfwijzingVerzoek is leeg als VerzoekAntwoord niet 1 is");

    @Override
    public List<Rule> rules() {
        return List.of(CD085, CD086);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("319")) {
            return List.of();
        }
        MessageTree antwoord = context.message().first("Antwoord").orElseThrow();
        boolean refused = "1".equals(antwoord.text("VerzoekAntwoord"));
        if (refused && !antwoord.has("RedenAfwijzingVerzoek")) {
            return List.of(new Violation(CD085, antwoord.path(), "VerzoekAntwoord 1 without RedenAfwijzingVerzoek"));
        }
        if (!refused && antwoord.has("RedenAfwijzingVerzoek")) {
            return List.of(new Violation(CD086, antwoord.path(), "RedenAfwijzingVerzoek with VerzoekAntwoord " + antwoord.text("VerzoekAntwoord")));
        }
        return List.of();
    }
}
