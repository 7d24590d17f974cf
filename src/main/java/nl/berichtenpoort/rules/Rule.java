package nl.berichtenpoort.rules;

/**
 * One rule of the standard: its code (TR002, CS002, ...), the RetourCode a violation gives, and what it demands.
 * Message-level rules (CD, CS and the TRs the iStandaarden XSLT checks) give 0001 in the header; rules that need other
 * messages give their own code on the class they hit.
 */
public record Rule(String code, String retourCode, String description) {

    public static final String TECHNICAL = "0001";

    public boolean isMessageLevel() {
        return TECHNICAL.equals(retourCode);
    }
}
