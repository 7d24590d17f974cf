package nl.berichtenpoort.rules;

import java.util.List;

/** A family of related rules, checked together on one message. */
public interface RuleFamily {

    /** The rules of this family, for documentation and tests. */
    List<Rule> rules();

    List<Violation> check(RuleContext context);
}
