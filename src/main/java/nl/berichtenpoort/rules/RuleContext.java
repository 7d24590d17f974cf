package nl.berichtenpoort.rules;

import java.time.LocalDate;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;

/**
 * A message under check: its type, identity and content, today's date, and its id in the store (for the rules that
 * compare it with other messages).
 */
public record RuleContext(MessageType type, MessageIdentity identity, MessageTree message, long storeId, LocalDate today) {

    /** The message's Dagtekening (its own, also for a 325). */
    public LocalDate dagtekening() {
        return LocalDate.parse(message.text("Header/BerichtIdentificatie/Dagtekening"));
    }

    /** The 3-digit part of the type: 301, 319, ... */
    public String number() {
        return type.name().replaceAll("\\D", "");
    }

    public boolean is(String... numbers) {
        for (String n : numbers) {
            if (number().equals(n)) {
                return true;
            }
        }
        return false;
    }
}
