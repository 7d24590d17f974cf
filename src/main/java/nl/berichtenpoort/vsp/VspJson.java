package nl.berichtenpoort.vsp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON of the VSP-Koppeling REST APIs (push v1, pull v1, berichtstatus v2), field for field as their OpenAPI
 * descriptions name them. Unknown fields from VECOZO are ignored, so a newer minor version does not break us.
 */
public final class VspJson {

    private VspJson() {
    }

    /** The metadata of one message: what push takes and pull lists (pull adds basisgegevens). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BerichtMetadata(Basisgegevens basisgegevens, Routeringgegevens routeringgegevens,
                                  Referentiegegevens referentiegegevens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Basisgegevens(String ontvangenOp, Payload payload) {
    }

    /** Where the payload of a waiting message is, and its size and checksum to check it with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payload(String url, long grootte, Checksum checksum) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checksum(String algoritme, String waarde) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Routeringgegevens(Relatie afzender, List<Relatie> geadresseerden, Berichtstroom berichtstroom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Relatie(String rol, String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Berichtstroom(String berichttype, String berichtsubtype, Integer berichtversie, Integer berichtsubversie, String actie) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referentiegegevens(String conversatieId, String traceerId, String alsAntwoordOp, String referentieId) {
    }

    /** The status of a message as berichtstatus v2 gives it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BerichtstatusGegevens(Referentiegegevens referentiegegevens, String berichtstatus, String berichtstatusGewijzigdOp,
                                        List<Melding> meldingen) {
    }

    /** A (fout)melding with a rejected message, e.g. BRS13. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Melding(String code, String omschrijving, String toelichting) {
    }

    /** VECOZO's answer to a refused call (400, 422). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProblemDetails(String title, Integer status, String detail, Map<String, List<String>> errors) {

        /** Title, detail and every field error, on one line. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            if (title != null) {
                text.append(title);
            }
            if (detail != null) {
                text.append(text.isEmpty() ? "" : ": ").append(detail);
            }
            if (errors != null && !errors.isEmpty()) {
                text.append(text.isEmpty() ? "" : "; ").append(errors.entrySet().stream()
                        .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")));
            }
            return text.toString();
        }
    }
}
