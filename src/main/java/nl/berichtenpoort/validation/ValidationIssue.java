package nl.berichtenpoort.validation;

/**
 * One finding about a message: where it is (line, column and element path; 0 and "" when unknown) and what is wrong
 * in words an integration engineer understands. Personal data in {@code message} is already masked.
 *
 * @param constraint the XSD rule that was broken (e.g. cvc-pattern-valid), or the gateway's own check
 */
public record ValidationIssue(Problem problem, int line, int column, String path, String message, String constraint) {

    public static ValidationIssue of(Problem problem, String message) {
        return new ValidationIssue(problem, 0, 0, "", message, problem.name());
    }

    /** For example: {@code line 44, column 70, /Bericht/Client/...: 'x' is not ... [cvc-pattern-valid]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (line > 0) {
            s.append("line ").append(line).append(", column ").append(column);
        }
        if (!path.isEmpty()) {
            s.append(s.isEmpty() ? "" : ", ").append(path);
        }
        return s.append(s.isEmpty() ? "" : ": ").append(message).append(" [").append(constraint).append(']').toString();
    }
}
