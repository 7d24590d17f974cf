package nl.berichtenpoort.testsupport.vsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's check of pushed berichtMetadata, by the BerichtMetadata schema of push v1: required fields, no
 * unknown fields, lengths, UUIDs, integer ranges. Errors are keyed by JSON path, as VECOZO's ValidationProblemDetails.
 */
final class MetadataCheck {

    private MetadataCheck() {
    }

    static void check(JsonNode metadata, Map<String, List<String>> errors) {
        if (!object(metadata, "", Set.of("routeringgegevens", "referentiegegevens", "verwerkingscontext"), errors)) {
            return;
        }
        JsonNode routering = required(metadata, "", "routeringgegevens", errors);
        if (routering != null && object(routering, "routeringgegevens", Set.of("afzender", "geadresseerden", "berichtstroom"), errors)) {
            relatie(required(routering, "routeringgegevens", "afzender", errors), "routeringgegevens.afzender", errors);
            JsonNode geadresseerden = required(routering, "routeringgegevens", "geadresseerden", errors);
            if (geadresseerden != null) {
                if (!geadresseerden.isArray() || geadresseerden.size() > 100) {
                    error(errors, "routeringgegevens.geadresseerden", "must be an array of at most 100");
                } else {
                    for (int i = 0; i < geadresseerden.size(); i++) {
                        relatie(geadresseerden.get(i), "routeringgegevens.geadresseerden[" + i + "]", errors);
                    }
                }
            }
            JsonNode stroom = required(routering, "routeringgegevens", "berichtstroom", errors);
            String at = "routeringgegevens.berichtstroom";
            if (stroom != null && object(stroom, at, Set.of("berichttype", "berichtsubtype", "berichtversie", "berichtsubversie", "actie"), errors)) {
                text(required(stroom, at, "berichttype", errors), at + ".berichttype", 60, errors);
                text(stroom.get("berichtsubtype"), at + ".berichtsubtype", 60, errors);
                number(required(stroom, at, "berichtversie", errors), at + ".berichtversie", errors);
                number(required(stroom, at, "berichtsubversie", errors), at + ".berichtsubversie", errors);
                text(required(stroom, at, "actie", errors), at + ".actie", 60, errors);
            }
        }
        JsonNode referenties = required(metadata, "", "referentiegegevens", errors);
        String at = "referentiegegevens";
        if (referenties != null && object(referenties, at, Set.of("conversatieId", "traceerId", "alsAntwoordOp", "referentieId"), errors)) {
            uuid(required(referenties, at, "conversatieId", errors), at + ".conversatieId", errors);
            uuid(required(referenties, at, "traceerId", errors), at + ".traceerId", errors);
            uuid(referenties.get("alsAntwoordOp"), at + ".alsAntwoordOp", errors);
            text(referenties.get("referentieId"), at + ".referentieId", 150, errors);
        }
    }

    private static void relatie(JsonNode relatie, String at, Map<String, List<String>> errors) {
        if (relatie != null && object(relatie, at, Set.of("rol", "code"), errors)) {
            text(required(relatie, at, "rol", errors), at + ".rol", 100, errors);
            text(relatie.get("code"), at + ".code", 100, errors);
        }
    }

    private static boolean object(JsonNode node, String at, Set<String> allowed, Map<String, List<String>> errors) {
        if (!node.isObject()) {
            error(errors, at, "must be an object");
            return false;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                error(errors, (at.isEmpty() ? "" : at + ".") + name, "is not a known field");
            }
        });
        return true;
    }

    private static JsonNode required(JsonNode node, String at, String field, Map<String, List<String>> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            error(errors, (at.isEmpty() ? "" : at + ".") + field, "is required");
            return null;
        }
        return value;
    }

    private static void text(JsonNode value, String at, int maxLength, Map<String, List<String>> errors) {
        if (value != null && (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength)) {
            error(errors, at, "must be a text of 1 to " + maxLength + " characters");
        }
    }

    private static void number(JsonNode value, String at, Map<String, List<String>> errors) {
        if (value != null && (!value.isInt() || value.asInt() < 0 || value.asInt() > 999)) {
            error(errors, at, "must be an integer from 0 to 999");
        }
    }

    private static void uuid(JsonNode value, String at, Map<String, List<String>> errors) {
        if (value != null && !(value.isTextual() && VspSimulator.isUuid(value.asText()))) {
            error(errors, at, "must be a UUID");
        }
    }

    private static void error(Map<String, List<String>> errors, String at, String message) {
        errors.computeIfAbsent(at, k -> new ArrayList<>()).add(message);
    }
}
