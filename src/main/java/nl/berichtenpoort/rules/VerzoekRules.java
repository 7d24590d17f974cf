package nl.berichtenpoort.rules;

import java.util.List;
import nl.berichtenpoort.message.MessageTree;

/** TR355: the ReferentieAanbieder of an antwoordbericht (319) names a verzoek (315 or 317) the aanbieder sent. */
public final class VerzoekRules implements RuleFamily {

    static final Rule TR355 = new Rule("TR355", "9355",
            "ReferentieAanbieder in het antwoordbericht komt voor in een eerder verzoek om toewijzing of verzoek om wijziging");

    private final SentRequests requests;

    public VerzoekRules(SentRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<Rule> rules() {
        return List.of(TR355);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("319")) {
            return List.of();
        }
        MessageTree antwoord = context.message().first("Antwoord").orElseThrow();
        String referentie = antwoord.text("ReferentieAanbieder");
        return requests.find(context, referentie).isPresent() ? List.of() : List.of(new Violation(TR355, antwoord.path(),
                "ReferentieAanbieder " + referentie + " is in no verzoek sent to gemeente " + context.identity().sender()));
    }
}
