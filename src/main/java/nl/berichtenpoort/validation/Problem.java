package nl.berichtenpoort.validation;

/** Why a file is not an acceptable message, in the order the checks run. Each class is named in the fout reason. */
public enum Problem {
    EMPTY("empty file"),
    TOO_LARGE("file larger than the maximum message size (OP179)"),
    NOT_UTF8("not UTF-8"),
    DOCTYPE("DOCTYPE declaration refused"),
    NOT_WELL_FORMED("not well-formed XML"),
    NOT_A_MESSAGE("not an iWmo/iJw message"),
    UNKNOWN_RELEASE("unknown message type or release"),
    XSD_INVALID("not valid against the XSD"),
    WRONG_PARTY("not sent by or not addressed to this gateway"),
    DUPLICATE("BerichtIdentificatie not unique per message type and sender (TR056)"),
    NO_HEENBERICHT("a retour that answers no message this gateway received, or one answered already"),
    REFUSED_BY_VECOZO("refused by VECOZO when sent"),
    PAYLOAD_CORRUPT("payload differs from what VECOZO announced (size or checksum)"),
    TECHNICAL("technical failure");

    private final String description;

    Problem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
