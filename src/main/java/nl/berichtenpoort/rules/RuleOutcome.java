package nl.berichtenpoort.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The violations found in one message; none means the message is approved. */
public record RuleOutcome(List<Violation> violations) {

    public RuleOutcome {
        violations = List.copyOf(violations);
    }

    public boolean approved() {
        return violations.isEmpty();
    }

    /** Any message-level violation rejects the message with 0001 in the header, whatever else was found. */
    public boolean messageLevel() {
        return violations.stream().anyMatch(v -> v.rule().isMessageLevel());
    }

    /** The violations in words, one per line. */
    public String describe() {
        return violations.stream().map(v -> "- " + v).collect(Collectors.joining("\n"));
    }
}
