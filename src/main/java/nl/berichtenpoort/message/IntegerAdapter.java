package nl.berichtenpoort.message;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** xs:integer as {@link Long}; the largest iStandaarden integer (LDT_TotaalBedrag, 12 digits) fits easily. */
public final class IntegerAdapter extends XmlAdapter<String, Long> {

    @Override
    public Long unmarshal(String value) {
        return value == null ? null : Long.valueOf(value.strip());
    }

    @Override
    public String marshal(Long value) {
        return value == null ? null : value.toString();
    }
}
