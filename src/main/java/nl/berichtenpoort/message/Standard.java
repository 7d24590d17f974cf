package nl.berichtenpoort.message;

import java.util.Arrays;

/** The iStandaard a message belongs to. */
public enum Standard {
    IWMO("iwmo"),
    IJW("ijw");

    private final String code;

    Standard(String code) {
        this.code = code;
    }

    /** The standard's own lower-case name, as in its namespaces and in xs:appinfo. */
    public String code() {
        return code;
    }

    public static Standard fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equalsIgnoreCase(code.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown standard '" + code + "' (known: iwmo, ijw)"));
    }
}
