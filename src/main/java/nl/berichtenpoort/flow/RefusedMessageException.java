package nl.berichtenpoort.flow;

import nl.berichtenpoort.validation.Problem;

/**
 * A message the gateway will not pass, for a reason that trying again cannot cure: it goes to the fout dead letter
 * at once, without redelivery. The reason names the file, the rule and the place, with personal data masked.
 */
public class RefusedMessageException extends RuntimeException {

    private final Problem problem;

    public RefusedMessageException(Problem problem, String reason) {
        super(reason, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
