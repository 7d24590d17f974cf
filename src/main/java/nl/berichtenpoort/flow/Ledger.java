package nl.berichtenpoort.flow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.MessageStore.Direction;
import nl.berichtenpoort.store.Registration;
import nl.berichtenpoort.store.StoredMessage;
import nl.berichtenpoort.validation.Problem;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Records each message in the store before it is passed on, and so enforces TR056 (an Identificatie is unique per
 * message type per sender) and "never twice": the same message again is not passed on a second time, another
 * message under a used Identificatie is refused. A message whose earlier attempt did not finish is passed on again.
 */
@Component("ledger")
public class Ledger {

    static final String RECEIVED = "ONTVANGEN";
    static final String SENT = "VERZONDEN";
    static final String DELIVERED = "AFGELEVERD";
    static final String REJECTED = "AFGEKEURD";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final MessageStore store;

    public Ledger(MessageStore store) {
        this.store = store;
    }

    /** Outbound, before delivery to VECOZO. */
    public void outbound(Exchange exchange) {
        register(exchange, Direction.UIT, "sent");
    }

    /** Inbound, before delivery to the EPD or to afkeur. */
    public void inbound(Exchange exchange) {
        register(exchange, Direction.IN, "received");
    }

    public void sent(Exchange exchange) {
        store.updateStatus(exchange.getProperty(Flow.STORE_ID, Long.class), SENT);
    }

    public void delivered(Exchange exchange) {
        store.updateStatus(exchange.getProperty(Flow.STORE_ID, Long.class), DELIVERED);
    }

    public void rejected(Exchange exchange) {
        store.updateStatus(exchange.getProperty(Flow.STORE_ID, Long.class), REJECTED);
    }

    private void register(Exchange exchange, Direction direction, String verb) {
        MessageContent content = MessageContent.of(exchange);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        Registration registration = store.register(direction, type, identity, content.name(), content.sha256(), content.size(),
                content::open, RECEIVED);
        StoredMessage stored = registration.stored();
        switch (registration.outcome()) {
            case NEW -> exchange.setProperty(Flow.STORE_ID, stored.id());
            case SAME_AGAIN -> {
                if (!RECEIVED.equals(stored.status())) {
                    throw duplicate(exchange, "this " + type.name() + " (Identificatie " + identity.identificatie() + " of "
                            + identity.sender() + ") was already " + verb + " on " + WHEN.format(stored.created())
                            + " as file " + stored.fileName() + "; it is not passed on again");
                }
                exchange.setProperty(Flow.STORE_ID, stored.id());
            }
            case CONFLICT -> throw duplicate(exchange, "Identificatie " + identity.identificatie() + " is already used for "
                    + type.name() + " by " + identity.sender() + " (file " + stored.fileName() + ", " + WHEN.format(stored.created())
                    + ") with other content");
        }
    }

    private static RefusedMessageException duplicate(Exchange exchange, String reason) {
        return new RefusedMessageException(Problem.DUPLICATE,
                exchange.getProperty(Flow.SOURCE, String.class) + ": " + Problem.DUPLICATE.description() + ": " + reason);
    }
}
