package nl.berichtenpoort.store;

import java.time.Instant;

/** A message as the store keeps it. */
public record StoredMessage(long id, String berichttype, String afzender, String identificatie, String fileName,
                            String sha256, String status, Instant created, byte[] content) {
}
