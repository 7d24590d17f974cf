package nl.berichtenpoort.message;

/** A client of a message as the gateway may keep it: its client key (a keyed hash of the BSN) and the masked BSN. */
public record ClientRef(String key, String maskedBsn) {
}
