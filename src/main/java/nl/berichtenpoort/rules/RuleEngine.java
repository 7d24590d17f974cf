package nl.berichtenpoort.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the standard the gateway checks on messages it receives, in one place: the message-level rules (CD, CS
 * and XSLT-level TR, RetourCode 0001) and the rules it checks against its store (TR056, TR332, TR379, TR355). Their
 * outcome decides the retour the gateway sends. {@link #VERSION} is reported as XsltVersie in those retours.
 */
public final class RuleEngine {

    /** The version of this rule set, reported as XsltVersie in retours built after these checks. */
    public static final String VERSION = "1.0.0";

    private final List<RuleFamily> families;

    public RuleEngine(List<RuleFamily> families) {
        this.families = List.copyOf(families);
    }

    public RuleOutcome check(RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        for (RuleFamily family : families) {
            violations.addAll(family.check(context));
        }
        return new RuleOutcome(violations);
    }

    public List<Rule> rules() {
        return families.stream().flatMap(f -> f.rules().stream()).toList();
    }
}
