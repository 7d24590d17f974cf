package nl.berichtenpoort.privacy;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data before it reaches a log line, a metric, an audit event or an error text. Values are masked by
 * the element they come from (a BSN keeps its last four digits, a name its first letter); free text is scanned for
 * nine-digit numbers that pass the 11-proef, so a BSN typed into a comment is masked too.
 */
public final class PersonalData {

    /** Elements whose value identifies a person: the BSN, name parts and contact details. */
    private static final Set<String> NAME_ELEMENTS = Set.of(
            "Achternaam", "Voorvoegsel", "Voornamen", "Voorletters", "Straatnaam", "Huisnummer", "Huisletter",
            "HuisnummerToevoeging", "Postcode", "Telefoonnummer", "Emailadres", "Naam");

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

    private PersonalData() {
    }

    /** True for elements whose values must never appear in clear. */
    public static boolean isPersonal(String elementName) {
        return "Bsn".equals(elementName) || NAME_ELEMENTS.contains(elementName);
    }

    /** The value as it may be shown for this element: masked when the element is personal, else unchanged. */
    public static String maskValue(String elementName, String value) {
        if (value == null || !isPersonal(elementName)) {
            return value;
        }
        return "Bsn".equals(elementName) ? Bsn.mask(value) : maskName(value);
    }

    /** The first character and three asterisks; the length of the name is not revealed. */
    public static String maskName(String value) {
        String v = value.strip();
        return v.isEmpty() ? "***" : v.charAt(0) + "***";
    }

    /** Masks every nine-digit number in the text that passes the 11-proef, i.e. could be a BSN. */
    public static String maskBsns(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NINE_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group();
            m.appendReplacement(out, Bsn.passesElfproef(digits) ? Bsn.mask(digits) : digits);
        }
        return m.appendTail(out).toString();
    }
}
