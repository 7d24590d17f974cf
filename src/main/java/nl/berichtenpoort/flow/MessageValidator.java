package nl.berichtenpoort.flow;

import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Validates a message against the XSD of its type and release (control level 1), listing every error, and gathers the
 * facts the later steps need (masked BSNs, RetourCodes per class) and the SHA-256 the store keys it by in the same
 * streaming pass.
 */
@Component("validate")
public class MessageValidator implements Processor {

    private final XsdValidator validator;
    private final ClientKeys clientKeys;

    public MessageValidator(XsdValidator validator, ClientKeys clientKeys) {
        this.validator = validator;
        this.clientKeys = clientKeys;
    }

    @Override
    public void process(Exchange exchange) {
        MessageContent content = MessageContent.of(exchange);
        MessageFacts facts = new MessageFacts(clientKeys::of);
        ValidationResult result = content.file() != null
                ? validator.validate(content.file(), exchange.getProperty(Flow.HEADER, MessageHeader.class), facts)
                : validator.validate(content.bytes(), content.name(), facts);
        if (!result.isValid()) {
            throw new RefusedMessageException(result.problem().orElseThrow(), result.summary());
        }
        exchange.setProperty(Flow.FACTS, facts);
        exchange.setProperty(Flow.SHA256, result.sha256());
        exchange.setProperty(Flow.SHA256_OF, content.source());
    }
}
