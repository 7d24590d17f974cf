package nl.berichtenpoort.store;

import java.time.Instant;

/** One line of a message's history: which state, when, why, and who (the gateway, or an operator). */
public record StateChange(MessageState state, Instant time, String remark, String by) {
}
