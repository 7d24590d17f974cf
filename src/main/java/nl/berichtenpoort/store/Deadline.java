package nl.berichtenpoort.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the counterparty owes us for a message we sent, and the last working day it may arrive.
 *
 * @param fulfilledBy the message that answered, when it came
 * @param lateSince   when the gateway found it overdue, if it did
 */
public record Deadline(long id, long messageId, Kind kind, LocalDate due, Long fulfilledBy, Instant fulfilledAt, Instant lateSince) {

    public enum Kind {
        /** A retour within 3 working days (OP090). */
        RETOUR,
        /** A declaratie-antwoord (325) within 10 working days (OP090x4). */
        DECLARATIE_ANTWOORD,
        /** An answer (301 or 319) to a 315 or 317 within 5 working days (OP274, OP346). */
        ANTWOORD
    }
}
