package nl.berichtenpoort.store;

/**
 * The outcome of recording a message: new, the very same message again (same key, same bytes) or a conflict (the key
 * is taken by a message with other content: TR056).
 */
public record Registration(Outcome outcome, StoredMessage stored) {

    public enum Outcome {
        NEW,
        SAME_AGAIN,
        CONFLICT
    }

    public boolean isNew() {
        return outcome == Outcome.NEW;
    }
}
