package nl.berichtenpoort.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.retour.DeclaratieAntwoordBuilder;
import nl.berichtenpoort.retour.DeclaratieAntwoordPlan;
import nl.berichtenpoort.retour.RetourBuilder;
import nl.berichtenpoort.retour.RetourPlan;
import nl.berichtenpoort.rules.RuleEngine;
import nl.berichtenpoort.rules.RuleOutcome;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import nl.berichtenpoort.validation.MessageSchema;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Makes the retour the gateway sends for a received heenbericht (as aanbieder: a 302 for each 301, a 320 for each
 * 319; as gemeente: 316, 318, 306, 308, and a 325 for a 323 that breaks a rule), from the outcome of our checks: a
 * header without RetourCodes when fully approved, 0001 for a message-level violation, the rule's own code on the class
 * it hit otherwise. A declaratie that passes our checks gets no retour from the gateway: whether and how much to pay is
 * the back office's decision, and its 325 goes out through the outbound flow. The IdentificatieRetour is one the gateway never handed out before (BP and ten digits). When
 * a retour was made already (a restart in the middle), that one is used.
 */
@Component("autoRetour")
public class AutoRetour {

    private final MessageStore store;
    private final MessageTypeRegistry registry;
    private final SchemaCatalog catalog;
    private final XsdValidator validator;
    private final RetourBuilder builder = new RetourBuilder();
    private final DeclaratieAntwoordBuilder declaratieAntwoorden = new DeclaratieAntwoordBuilder();
    private final Clock clock;

    public AutoRetour(MessageStore store, MessageTypeRegistry registry, SchemaCatalog catalog, XsdValidator validator, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.catalog = catalog;
        this.validator = validator;
        this.clock = clock;
    }

    public void prepare(Exchange exchange) {
        long heenId = exchange.getProperty(Flow.STORE_ID, Long.class);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageType retourType = registry.counterpartOf(type);
        RuleOutcome outcome = exchange.getProperty(Flow.RULE_OUTCOME, RuleOutcome.class);
        if (type.name().endsWith("323") && outcome.approved()) {
            return;
        }
        Optional<StoredMessage> made = store.answersTo(heenId, MessageStore.Direction.UIT).stream().findFirst();
        byte[] retour = made.map(StoredMessage::content).orElseGet(() -> build(exchange, type, retourType, outcome));
        exchange.setProperty(Flow.RETOUR_BYTES, retour);
        exchange.setProperty(Flow.RETOUR_FILE_NAME, retourType.name() + "-op-" + exchange.getProperty(Flow.FILE_NAME, String.class));
        exchange.setProperty(Flow.RETOUR_SENT, made.isPresent() && made.get().state() == MessageState.VERZONDEN);
        exchange.setProperty(Flow.ANSWERS_ID, heenId);
        if (!outcome.approved()) {
            MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put("heenbericht.xml", MessageContent.of(exchange).readAll());
            parts.put("retour.xml", retour);
            exchange.setProperty(Flow.AFKEUR, new AfkeurEntry("AFGEKEURD_DOOR_ONS", type.name() + " " + identity.identificatie() + " from "
                    + identity.sender() + " is rejected by this gateway with " + retourType.name() + ":\n" + outcome.describe(),
                    parts, hits(outcome), heenId, MessageStore.Direction.IN));
        }
    }

    private byte[] build(Exchange exchange, MessageType type, MessageType retourType, RuleOutcome outcome) {
        MessageSchema schema = catalog.find(retourType.namespace(), "").orElseThrow();
        String identificatie = String.format("BP%010d", store.nextNumber());
        String[] xsdVersie = {schema.basisschemaVersion(), schema.version()};
        byte[] heen = MessageContent.of(exchange).readAll();
        byte[] retour = type.name().endsWith("323")
                ? declaratieAntwoorden.build(heen, type, retourType, DeclaratieAntwoordPlan.from(outcome), identificatie, LocalDate.now(clock),
                        RuleEngine.VERSION, xsdVersie)
                : builder.build(heen, type, retourType, RetourPlan.from(outcome), identificatie, LocalDate.now(clock), RuleEngine.VERSION,
                        xsdVersie);
        ValidationResult check = validator.validate(retour, retourType.name() + "_" + identificatie + ".xml");
        if (!check.isValid()) {
            throw new IllegalStateException("the gateway built an invalid " + retourType.name() + ": " + check.summary());
        }
        return retour;
    }

    private static List<RetourCodeHit> hits(RuleOutcome outcome) {
        return outcome.violations().stream().map(v -> new RetourCodeHit(v.classPath(),
                v.classPath().substring(v.classPath().lastIndexOf('/') + 1).replaceAll("\\[\\d+]$", ""), v.rule().retourCode(),
                Map.of("regel", v.rule().code()))).toList();
    }
}
