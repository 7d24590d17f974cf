package nl.berichtenpoort.flow;

import nl.berichtenpoort.validation.Problem;
import org.apache.camel.Exchange;

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

    /** The refusal as every reason reads: "{file}: {what the problem class means}: {the particulars}". */
    public static RefusedMessageException of(Problem problem, String file, String particulars) {
        return new RefusedMessageException(problem, file + ": " + problem.description() + ": " + particulars);
    }

    /** As {@link #of(Problem, String, String)}, for the file the exchange came from. */
    public static RefusedMessageException of(Problem problem, Exchange exchange, String particulars) {
        return of(problem, exchange.getProperty(Flow.SOURCE, String.class), particulars);
    }

    public Problem problem() {
        return problem;
    }
}
