package nl.berichtenpoort.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.berichtenpoort.message.MessageHeader;

/**
 * The outcome of validating one file: its header when it could be read, the schema it was checked against when one
 * was found, every issue found (empty when the message is valid), and the SHA-256 of the bytes validated (null when
 * the file was refused before the schema read it).
 */
public record ValidationResult(String source, MessageHeader header, MessageSchema schema, List<ValidationIssue> issues, String sha256) {

    public ValidationResult {
        issues = List.copyOf(issues);
    }

    public boolean isValid() {
        return issues.isEmpty();
    }

    /** The class of the first problem: why the file is refused. */
    public Optional<Problem> problem() {
        return issues.stream().map(ValidationIssue::problem).findFirst();
    }

    /** One readable text naming the file, the problem class and every issue with its place. */
    public String summary() {
        if (isValid()) {
            return source + " is valid" + (schema == null ? "" : " against " + schema);
        }
        String list = issues.stream().map(ValidationIssue::toString).collect(Collectors.joining("\n  - ", "\n  - ", ""));
        int errors = (int) issues.stream().filter(i -> i.line() > 0 || !i.path().isEmpty()).count();
        return source + (schema == null ? "" : " (" + schema.message() + " " + schema.release() + ", BerichtXsdVersie " + schema.version() + ")")
                + ": " + problem().orElseThrow().description() + (errors > 1 ? ", " + errors + " errors" : "") + ":" + list;
    }
}
