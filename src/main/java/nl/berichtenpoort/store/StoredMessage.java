package nl.berichtenpoort.store;

import java.time.Instant;

/** A message as the store keeps it; {@code content} is null unless asked for. */
public record StoredMessage(
        long id,
        MessageStore.Direction direction,
        String berichttype,
        String afzender,
        String ontvanger,
        String identificatie,
        String dagtekening,
        String fileName,
        String sha256,
        MessageState state,
        String retourCodes,
        Instant created,
        byte[] content) {
}
