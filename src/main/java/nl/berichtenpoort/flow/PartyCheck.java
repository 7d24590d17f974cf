package nl.berichtenpoort.flow;

import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.validation.Problem;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Checks that a message belongs to this gateway: outbound, that our role sends this type and the sender code is ours;
 * inbound, that our role receives it and it is addressed to our code.
 */
@Component("checkParty")
public class PartyCheck {

    private final Role role;
    private final String ownCode;

    public PartyCheck(BerichtenpoortProperties properties) {
        this.role = properties.role();
        this.ownCode = properties.ownCode();
    }

    public void outbound(Exchange exchange) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        if (type.sender() != role) {
            refuse(exchange, type.name() + " is sent by the " + type.sender().code() + "; this gateway acts as " + role.code());
        }
        if (!ownCode.equals(identity.sender())) {
            refuse(exchange, "the sender of this " + type.name() + " is " + identity.sender() + ", not this gateway ("
                    + role.code() + " " + ownCode + ")");
        }
    }

    public void inbound(Exchange exchange) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        if (type.receiver() != role) {
            refuse(exchange, type.name() + " is meant for the " + type.receiver().code() + "; this gateway acts as " + role.code());
        }
        if (!ownCode.equals(identity.receiver())) {
            refuse(exchange, "this " + type.name() + " is addressed to " + identity.receiver() + ", not to this gateway ("
                    + role.code() + " " + ownCode + ")");
        }
    }

    private static void refuse(Exchange exchange, String reason) {
        throw RefusedMessageException.of(Problem.WRONG_PARTY, exchange, reason);
    }
}
