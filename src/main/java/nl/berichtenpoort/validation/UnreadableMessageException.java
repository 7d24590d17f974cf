package nl.berichtenpoort.validation;

/** A file that cannot be read as a message at all: its problem class, where it was found, and why. */
public final class UnreadableMessageException extends Exception {

    private final transient ValidationIssue issue;

    public UnreadableMessageException(Problem problem, int line, int column, String message) {
        super(message);
        this.issue = new ValidationIssue(problem, line, column, "", message, problem.name());
    }

    public ValidationIssue issue() {
        return issue;
    }
}
