package nl.berichtenpoort.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.berichtenpoort.privacy.PersonalData;

/**
 * Turns the XML Schema validator's messages (cvc-...) into sentences an integration engineer understands, naming the
 * element, the offending value (masked when it is personal data) and what the standard expects instead.
 */
final class XsdMessages {

    /** What a pattern of the iWmo/iJw basisschema means, in words. */
    private static final Map<String, String> PATTERNS = Map.of(
            "[0-9]{9}", "exactly 9 digits",
            "[0-9]{8}", "exactly 8 digits (an AGB code)",
            "[0-9]{4}", "exactly 4 digits (a CBS gemeentecode)",
            "[^:Z]*", "a date without time zone (no 'Z' or offset)",
            "[^Z+-]+", "a time without time zone (no 'Z' or offset)",
            ".*[^\\s].*", "at least one character that is not a space",
            "([.\\s]*\\S+[.\\s]*)+", "at least one character that is not a space",
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)", "a version number like 1.0.0",
            "([a-zA-Z0-9])+", "letters and digits only",
            "[0-9]*", "digits only");

    private static final Map<String, String> DATATYPES = Map.of(
            "date", "an existing date written as yyyy-mm-dd",
            "time", "a time written as hh:mm:ss",
            "integer", "a whole number");

    private static final int MAX_LISTED_CODES = 20;

    private record Rule(Pattern pattern, Function<Matcher, String> text) {
    }

    private final String element;
    private final String value;

    private XsdMessages(String element, String value) {
        this.element = element;
        this.value = value;
    }

    /**
     * @param element the local name of the element being validated when the error was found
     * @param value   its text so far, used to mask values that the validator quotes
     * @return the readable message and the constraint code
     */
    static String[] translate(String validatorMessage, String element, String value) {
        return new XsdMessages(element, value).translate(validatorMessage);
    }

    /** The problem class of a parser's fatal error. */
    static Problem classify(String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        if (message.contains("Invalid byte")) {
            return Problem.NOT_UTF8;
        }
        return message.contains("DOCTYPE is disallowed") ? Problem.DOCTYPE : Problem.NOT_WELL_FORMED;
    }

    /** A parser's well-formedness message, cleaned of parser jargon where it is well known. */
    static String wellFormedness(String parserMessage) {
        String message = PersonalData.maskBsns(parserMessage);
        if (message.contains("Invalid byte")) {
            return "the bytes are not valid UTF-8 (" + message + "); save the file as UTF-8";
        }
        if (message.contains("DOCTYPE is disallowed")) {
            return "the file contains a DOCTYPE declaration; iWmo/iJw messages never have one and it is refused"
                    + " so that no entity is ever resolved";
        }
        if (message.contains("Premature end of file") || message.contains("XML document structures must start and end")) {
            return "the file ends before the XML is complete (" + message + ")";
        }
        return message;
    }

    private String[] translate(String message) {
        int colon = message.indexOf(": ");
        String constraint = message.startsWith("cvc-") && colon > 0 ? message.substring(0, colon) : "xml";
        String detail = colon > 0 && message.startsWith("cvc-") ? message.substring(colon + 2) : message;
        for (Rule rule : rules()) {
            Matcher m = rule.pattern().matcher(detail);
            if (m.matches()) {
                return new String[] {rule.text().apply(m), constraint};
            }
        }
        return new String[] {maskQuoted(detail), constraint};
    }

    private List<Rule> rules() {
        return List.of(
                rule("Invalid content was found starting with element '(.+?)'\\. One of '\\{(.+)\\}' is expected\\.",
                        m -> "element " + localName(m.group(1)) + " is not allowed here; expected " + oneOf(m.group(2))),
                rule("Invalid content was found starting with element '(.+?)'\\. No child element is expected at this point\\.",
                        m -> "element " + localName(m.group(1)) + " is not allowed here; nothing more may follow at this point"),
                rule("The content of element '(.+?)' is not complete\\. One of '\\{(.+)\\}' is expected\\.",
                        m -> localName(m.group(1)) + " is incomplete: " + oneOf(m.group(2)) + " is missing"),
                rule("Value '(.*)' is not facet-valid with respect to pattern '(.*)' for type '(.*)'\\.",
                        m -> element + " " + quote(m.group(1)) + " must be " + patternInWords(m.group(2)) + typeHint(m.group(3))),
                rule("Value '(.*)' is not facet-valid with respect to enumeration '\\[(.*)\\]'\\. It must be a value from the enumeration\\.",
                        m -> element + " " + quote(m.group(1)) + " is not in the code list; allowed: " + codes(m.group(2))),
                rule("Value '(.*)' with length = '(\\d+)' is not facet-valid with respect to maxLength '(\\d+)' for type '(.*)'\\.",
                        m -> element + " " + quote(m.group(1)) + " is " + m.group(2) + " characters long; at most " + m.group(3) + " allowed"),
                rule("Value '(.*)' with length = '(\\d+)' is not facet-valid with respect to minLength '(\\d+)' for type '(.*)'\\.",
                        m -> element + " is empty or too short; at least " + m.group(3) + " character(s) required"),
                rule("Value '(.*)' is not facet-valid with respect to maxInclusive '(.*)' for type '(.*)'\\.",
                        m -> element + " " + quote(m.group(1)) + " is above the maximum " + m.group(2)),
                rule("Value '(.*)' is not facet-valid with respect to minInclusive '(.*)' for type '(.*)'\\.",
                        m -> element + " " + quote(m.group(1)) + " is below the minimum " + m.group(2)),
                rule("'(.*)' is not a valid value for '(.*)'\\.",
                        m -> element + " " + quote(m.group(1)) + " is not " + DATATYPES.getOrDefault(m.group(2), "a valid " + m.group(2))),
                rule("The value '(.*)' of element '(.*)' is not valid\\.",
                        m -> localName(m.group(2)) + " " + quote(m.group(1)) + " is not valid"),
                rule("Cannot find the declaration of element '(.*)'\\.",
                        m -> "root element " + localName(m.group(1)) + " is not declared by the schema of this message type"),
                rule("Element '(.*)' cannot have character \\[children\\], because the type's content type is element-only\\.",
                        m -> localName(m.group(1)) + " may only contain elements, not text"),
                rule("Element '(.*)' must have no character or element information item \\[children\\], because the type's content type is empty\\.",
                        m -> localName(m.group(1)) + " must be empty"),
                rule("Attribute '(.*)' is not allowed to appear in element '(.*)'\\.",
                        m -> "attribute " + m.group(1) + " is not allowed on " + localName(m.group(2))));
    }

    private static Rule rule(String regex, Function<Matcher, String> text) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), text);
    }

    private String quote(String quotedValue) {
        return "'" + PersonalData.maskBsns(PersonalData.maskValue(element, quotedValue)) + "'";
    }

    /** Masks the current element's value wherever the validator quoted it in a message we do not translate. */
    private String maskQuoted(String detail) {
        String masked = detail;
        if (PersonalData.isPersonal(element) && value != null && !value.isBlank()) {
            masked = masked.replace(value.strip(), PersonalData.maskValue(element, value.strip()));
        }
        return PersonalData.maskBsns(masked);
    }

    private static String patternInWords(String pattern) {
        if (pattern.matches("[0-9]+")) {
            return pattern;
        }
        return PATTERNS.getOrDefault(pattern, "of the form " + pattern);
    }

    private static String typeHint(String type) {
        return type.startsWith("LDT_") ? " (" + type + ")" : "";
    }

    private static String codes(String list) {
        List<String> codes = Arrays.stream(list.split(",\\s*")).toList();
        String shown = codes.stream().limit(MAX_LISTED_CODES).collect(Collectors.joining(", "));
        return codes.size() > MAX_LISTED_CODES ? shown + ", ... (" + codes.size() + " codes)" : shown;
    }

    private static String oneOf(String list) {
        List<String> names = Arrays.stream(list.split(",\\s*")).map(XsdMessages::localName).distinct().toList();
        return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
    }

    /** {"namespace":Name}, "namespace":Name, prefix:Name or Name become Name. */
    static String localName(String qualified) {
        String name = qualified.replace("{", "").replace("}", "").strip();
        int cut = Math.max(name.lastIndexOf(':'), name.lastIndexOf('"'));
        return cut >= 0 ? name.substring(cut + 1) : name;
    }
}
