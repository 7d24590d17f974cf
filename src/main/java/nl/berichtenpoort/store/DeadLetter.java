package nl.berichtenpoort.store;

import java.time.Instant;

/**
 * An entry in the afkeur or fout dead letter.
 *
 * @param origin  UIT when the message came from the EPD, IN when from VECOZO: where a fixed message is resent
 * @param copy    the folder entry (afkeur) or file (fout) with the original
 */
public record DeadLetter(
        long id,
        Kind kind,
        Long messageId,
        String fileName,
        String berichttype,
        String identificatie,
        MessageStore.Direction origin,
        String problem,
        String reason,
        String copy,
        Status status,
        String remark,
        String handledBy,
        Instant handledAt,
        Instant created) {

    public enum Kind {
        AFKEUR,
        FOUT
    }

    public enum Status {
        OPEN,
        /** Resent as a corrected message; {@code remark} names the new identificatie. */
        OPNIEUW_VERZONDEN,
        /** Closed by an operator with a remark, without resending. */
        GESLOTEN
    }
}
