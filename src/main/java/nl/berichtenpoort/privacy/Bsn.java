package nl.berichtenpoort.privacy;

/** The burgerservicenummer: its 11-proef (CS002) and the masked form that may appear in logs and error texts. */
public final class Bsn {

    private Bsn() {
    }

    /** The 11-proef: (9*d1 + 8*d2 + ... + 2*d8 - d9) mod 11 == 0, for exactly nine digits. */
    public static boolean passesElfproef(String value) {
        if (value == null || value.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int weight = i < 8 ? 9 - i : -1;
            sum += weight * (c - '0');
        }
        return sum % 11 == 0;
    }

    /** All but the last four characters replaced by '*': 999996782 becomes *****6782. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int visible = v.length() > 4 ? 4 : 0;
        return "*".repeat(v.length() - visible) + v.substring(v.length() - visible);
    }
}
