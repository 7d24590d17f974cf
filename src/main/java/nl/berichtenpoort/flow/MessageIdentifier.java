package nl.berichtenpoort.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.validation.HeaderReader;
import nl.berichtenpoort.validation.Problem;
import nl.berichtenpoort.validation.UnreadableMessageException;
import nl.berichtenpoort.validation.ValidationIssue;
import nl.berichtenpoort.validation.XsdValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Identifies a message from its header alone: type, standard, release, heen or retour, sender and receiver, through
 * the message-type table. Refuses what cannot be identified (empty, too large, not UTF-8, DOCTYPE, not XML, unknown
 * type or release) before anything else reads the file.
 */
@Component("identify")
public class MessageIdentifier implements Processor {

    private final MessageTypeRegistry registry;
    private final XsdValidator validator;
    private final HeaderReader headerReader = new HeaderReader();

    public MessageIdentifier(MessageTypeRegistry registry, XsdValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
        MessageContent content = MessageContent.of(exchange);
        exchange.setProperty(Flow.SOURCE, content.name());
        validator.checkSize(content.size()).ifPresent(issue -> {
            throw refused(content, issue);
        });
        MessageHeader header = readHeader(content);
        MessageType type = registry.find(header.namespace(), header.berichtCode()).orElseThrow(() -> new RefusedMessageException(
                Problem.UNKNOWN_RELEASE, content.name() + ": " + Problem.UNKNOWN_RELEASE.description() + ": namespace "
                + header.namespace() + " with BerichtCode '" + header.berichtCode() + "' is not in the message-type table"));
        MessageIdentity identity = MessageIdentity.of(header);
        exchange.setProperty(Flow.TYPE, type);
        exchange.setProperty(Flow.TYPE_NAME, type.name());
        exchange.setProperty(Flow.KIND, type.isRetour() ? "retour" : "heen");
        exchange.setProperty(Flow.HEADER, header);
        exchange.setProperty(Flow.IDENTITY, identity);
        exchange.setProperty(Flow.FILE_NAME, type.name() + "_" + safe(identity.sender()) + "_" + safe(identity.identificatie()) + ".xml");
    }

    private MessageHeader readHeader(MessageContent content) {
        try (InputStream in = content.open()) {
            return headerReader.read(in);
        } catch (UnreadableMessageException e) {
            throw refused(content, e.issue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RefusedMessageException refused(MessageContent content, ValidationIssue issue) {
        return RefusedMessageException.of(issue.problem(), content.name(), issue.toString());
    }

    /** Identificaties are free text (1 to 12 characters); only letters, digits, dot and dash go into a file name. */
    static String safe(String value) {
        return value == null || value.isBlank() ? "onbekend" : value.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
