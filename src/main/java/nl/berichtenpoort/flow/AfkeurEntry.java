package nl.berichtenpoort.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.store.MessageStore;

/**
 * What goes into the afkeur dead letter: the reason in words, the messages a person needs to handle it (the retour,
 * the heenbericht it answers, the retour we sent, ...) by file name, and the rejecting codes.
 *
 * @param concerns the store id of the message a person must act on (our rejected heenbericht, their rejected one, ...)
 * @param origin   where a corrected message is resent: UIT (our heenbericht, via the EPD folder) or IN
 */
public record AfkeurEntry(String problem, String reason, Map<String, byte[]> parts, List<RetourCodeHit> codes, Long concerns,
                          MessageStore.Direction origin) {

    public AfkeurEntry {
        parts = new LinkedHashMap<>(parts);
        codes = List.copyOf(codes);
    }
}
