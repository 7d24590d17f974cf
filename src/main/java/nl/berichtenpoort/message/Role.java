package nl.berichtenpoort.message;

import java.util.Locale;

/** The two parties in iWmo/iJw traffic: the gemeente (CBS code) and the aanbieder (AGB code). */
public enum Role {
    GEMEENTE,
    AANBIEDER;

    public Role other() {
        return this == GEMEENTE ? AANBIEDER : GEMEENTE;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
