package nl.berichtenpoort.message;

import java.util.Map;

/**
 * The header of a message as read from the file, before validation: the root namespace and the text of every header
 * field by its path below Header (e.g. {@code BerichtIdentificatie/Identificatie}). Values are raw and may be invalid.
 */
public record MessageHeader(String namespace, Map<String, String> fields) {

    public MessageHeader {
        fields = Map.copyOf(fields);
    }

    public String field(String path) {
        return fields.getOrDefault(path, "");
    }

    public String berichtCode() {
        return field("BerichtCode");
    }

    public String afzender() {
        return field("Afzender");
    }

    public String ontvanger() {
        return field("Ontvanger");
    }

    public String identificatie() {
        return field("BerichtIdentificatie/Identificatie");
    }

    public String dagtekening() {
        return field("BerichtIdentificatie/Dagtekening");
    }

    public String berichtXsdVersie() {
        return field("XsdVersie/BerichtXsdVersie");
    }

    public String basisschemaXsdVersie() {
        return field("XsdVersie/BasisschemaXsdVersie");
    }
}
