package nl.berichtenpoort.rules;

/**
 * A rule broken by a message, at the class it hit ({@code /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]},
 * {@code /Bericht/Header} for the header), explained in words with personal data masked.
 */
public record Violation(Rule rule, String classPath, String message) {

    @Override
    public String toString() {
        return rule.code() + " (" + rule.retourCode() + ") " + classPath + ": " + message;
    }
}
