package nl.berichtenpoort.message;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * LDT_Tijd as {@link LocalTime}: always written with seconds (xs:time needs hh:mm:ss, LocalTime.toString() drops
 * zero seconds) and never with a time zone.
 */
public final class TimeAdapter extends XmlAdapter<String, LocalTime> {

    @Override
    public LocalTime unmarshal(String value) {
        return value == null ? null : LocalTime.parse(value.strip());
    }

    @Override
    public String marshal(LocalTime value) {
        return value == null ? null : DateTimeFormatter.ISO_LOCAL_TIME.format(value);
    }
}
