package nl.berichtenpoort.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.message.RetourCodeMeanings;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Decides what a retour means for the heenbericht it answers. A classic retour accepts when it has no RetourCode or
 * only 0200 (no remarks) and 0233 (not assessed); any other code rejects (AFGEKEURD). A 325 accepts its 323 in full
 * with 8001 (GEACCEPTEERD), rejects it as a whole with a code on the header or the declaratie, or a granted total of 0
 * (AFGEWEZEN), and otherwise rejected some prestaties (DEELS_TOEGEKEND). A rejecting retour is explained per code, with
 * its meaning from the RetourCode list and the class it hit, for the afkeur dead letter.
 */
@Component("retourStatus")
public class RetourStatus implements Processor {

    private static final String TOEGEKEND = "/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag";

    private final RetourCodeMeanings meanings;
    private final MessageStore store;

    public RetourStatus(RetourCodeMeanings meanings, MessageStore store) {
        this.meanings = meanings;
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        boolean accepted = facts.allCodesAccept();
        exchange.setProperty(Flow.ACCEPTED, accepted);
        exchange.setProperty(Flow.HEEN_STATE, heenState(type, facts));
        if (!accepted) {
            StoredMessage heen = exchange.getProperty(Flow.HEEN, StoredMessage.class);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put("retour.xml", MessageContent.of(exchange).readAll());
            parts.put("heenbericht.xml", store.findWithContent(heen.id()).orElseThrow().content());
            exchange.setProperty(Flow.AFKEUR, new AfkeurEntry("AFGEKEURD", reason(exchange, facts), parts, rejecting(facts), heen.id(),
                    MessageStore.Direction.UIT));
        }
    }

    /** The rejecting codes, one line each, for the store and the dead letter. */
    private String describe(List<RetourCodeHit> hits) {
        return hits.stream().map(this::line).collect(Collectors.joining("\n"));
    }

    /** The state a retour gives the heenbericht it answers. */
    static MessageState heenState(MessageType type, MessageFacts facts) {
        boolean accepted = facts.allCodesAccept();
        if (!type.name().endsWith("325")) {
            return accepted ? MessageState.GEACCEPTEERD : MessageState.AFGEKEURD;
        }
        if (accepted) {
            return MessageState.GEACCEPTEERD;
        }
        boolean whole = rejecting(facts).stream().anyMatch(hit -> hit.berichtklasse().equals("Header")
                || hit.berichtklasse().equals("DeclaratieAntwoord")) || "0".equals(facts.value(TOEGEKEND));
        return whole ? MessageState.AFGEWEZEN : MessageState.DEELS_TOEGEKEND;
    }

    private static List<RetourCodeHit> rejecting(MessageFacts facts) {
        return facts.retourCodes().stream().filter(hit -> !MessageFacts.isAccepting(hit.code())).toList();
    }

    private String reason(Exchange exchange, MessageFacts facts) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        return type.name() + " " + identity.identificatie() + " from " + identity.sender() + " rejects " + type.counterpart() + " "
                + identity.answers() + " (Dagtekening " + identity.answersDate() + "):\n" + describe(rejecting(facts));
    }

    private String line(RetourCodeHit hit) {
        String keys = hit.keys().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "- " + hit.code() + " " + meanings.meaning(hit.code()) + " [" + hit.category() + ": " + hit.berichtklasse()
                + (keys.isEmpty() ? "" : ", " + keys) + ", " + hit.path() + "]";
    }
}
