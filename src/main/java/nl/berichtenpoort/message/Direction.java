package nl.berichtenpoort.message;

import java.util.Locale;

/** A heenbericht starts an exchange; a retour (including the 325 declaratie-antwoord) answers one. */
public enum Direction {
    HEEN,
    RETOUR;

    public static Direction fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
