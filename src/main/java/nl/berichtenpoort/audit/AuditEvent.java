package nl.berichtenpoort.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One step of one message, as it is kept on the audit queue. Never holds a BSN or a name in clear: {@code bsn} lists
 * masked values only, and {@code reason} is the masked text of the dead letter.
 *
 * @param exchangeId the same for every step of one message passing through the gateway
 * @param outcome    ok, geaccepteerd, afgekeurd, or the problem class for afgewezen-validatie and fout
 * @param operator   for an operator's action (resend, close): who did it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        String eventId,
        String exchangeId,
        OffsetDateTime time,
        String step,
        String outcome,
        String standard,
        String release,
        String type,
        BerichtIdentificatie berichtIdentificatie,
        String sender,
        String receiver,
        String fileName,
        String routeId,
        List<String> codes,
        List<String> bsn,
        Integer bsnCount,
        String reason,
        String operator) {

    public record BerichtIdentificatie(String identificatie, String dagtekening) {
    }
}
