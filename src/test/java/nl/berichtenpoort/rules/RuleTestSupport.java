package nl.berichtenpoort.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.validation.HeaderReader;

/** Builds the context a rule sees from a message text, as the gateway does for a received message. */
final class RuleTestSupport {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));

    private RuleTestSupport() {
    }

    static RuleContext context(String xml, long storeId) {
        try {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            var header = new HeaderReader().read(new java.io.ByteArrayInputStream(bytes));
            MessageType type = REGISTRY.find(header.namespace(), header.berichtCode()).orElseThrow();
            return new RuleContext(type, MessageIdentity.of(header), MessageTree.parse(bytes), storeId, TODAY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RuleContext context(String xml) {
        return context(xml, 1);
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.rule().code()).toList();
    }
}
