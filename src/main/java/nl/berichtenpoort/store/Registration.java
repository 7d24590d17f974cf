package nl.berichtenpoort.store;

/**
 * The outcome of recording a message.
 *
 * @param stored  the record (for CONFLICT: the earlier message that holds the key)
 */
public record Registration(Outcome outcome, StoredMessage stored) {

    public enum Outcome {
        /** A new message under a free key. */
        NEW,
        /** The very same bytes under the same key: the same message again. */
        SAME_AGAIN,
        /** Other bytes under a key that is taken (TR056); not recorded. */
        CONFLICT,
        /** Other bytes under a key that is taken, recorded anyway so that it can be answered and handled (inbound). */
        NEW_UNDER_USED_KEY
    }

    public boolean isNew() {
        return outcome == Outcome.NEW || outcome == Outcome.NEW_UNDER_USED_KEY;
    }
}
