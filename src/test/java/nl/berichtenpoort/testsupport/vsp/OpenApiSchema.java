package nl.berichtenpoort.testsupport.vsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks JSON against a schema of an OpenAPI 3.0 description, for the keywords VECOZO's VSP descriptions use for
 * their messages: $ref, type, required, properties, additionalProperties false, enum, minLength/maxLength, minimum/maximum,
 * minItems/maxItems, and the formats uuid, date-time and int32/int64. Answers every violation with its JSON path.
 */
public final class OpenApiSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode description;

    private OpenApiSchema(JsonNode description) {
        this.description = description;
    }

    public static OpenApiSchema load(Path file) {
        try {
            return new OpenApiSchema(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code value} against components/schemas/{@code schema}; empty when it conforms. */
    public List<String> violations(String schema, JsonNode value) {
        List<String> violations = new ArrayList<>();
        check(description.path("components").path("schemas").path(schema), value, "$", violations);
        return violations;
    }

    /** The violations of an array of which every item must conform to components/schemas/{@code schema}. */
    public List<String> arrayViolations(String schema, JsonNode value) {
        List<String> violations = new ArrayList<>();
        if (!value.isArray()) {
            violations.add("$: not an array");
            return violations;
        }
        for (int i = 0; i < value.size(); i++) {
            check(description.path("components").path("schemas").path(schema), value.get(i), "$[" + i + "]", violations);
        }
        return violations;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> violations) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            check(description.path("components").path("schemas").path(name), value, at, violations);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> object(schema, value, at, violations);
            case "array" -> array(schema, value, at, violations);
            case "string" -> string(schema, value, at, violations);
            case "integer" -> integer(schema, value, at, violations);
            default -> {
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> violations) {
        if (!value.isObject()) {
            violations.add(at + ": not an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                violations.add(at + ": required " + required.asText() + " missing");
            }
        }
        JsonNode properties = schema.path("properties");
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), at + "." + name, violations);
            } else if (!schema.path("additionalProperties").asBoolean(true)) {
                violations.add(at + ": " + name + " is not allowed (additionalProperties false)");
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, String at, List<String> violations) {
        if (!value.isArray()) {
            violations.add(at + ": not an array");
            return;
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            violations.add(at + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            violations.add(at + ": more than " + schema.get("maxItems") + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            check(schema.path("items"), value.get(i), at + "[" + i + "]", violations);
        }
    }

    private static void string(JsonNode schema, JsonNode value, String at, List<String> violations) {
        if (!value.isTextual()) {
            violations.add(at + ": not a string");
            return;
        }
        String text = value.asText();
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            violations.add(at + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            violations.add(at + ": longer than " + schema.get("maxLength"));
        }
        switch (schema.path("format").asText()) {
            case "uuid" -> {
                if (!VspSimulator.isUuid(text)) {
                    violations.add(at + ": not a uuid: " + text);
                }
            }
            case "date-time" -> {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    violations.add(at + ": not a date-time: " + text);
                }
            }
            default -> {
            }
        }
    }

    private static void integer(JsonNode schema, JsonNode value, String at, List<String> violations) {
        if (!value.isIntegralNumber()) {
            violations.add(at + ": not an integer");
            return;
        }
        if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            violations.add(at + ": below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asLong() > schema.get("maximum").asLong()) {
            violations.add(at + ": above " + schema.get("maximum"));
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode allowed : values) {
            if (allowed.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
