package nl.berichtenpoort.flow;

import java.util.Map;
import java.util.stream.Collectors;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.RetourCodeHit;
import nl.berichtenpoort.message.RetourCodeMeanings;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Decides whether a retour accepts its heenbericht: accepted when it has no RetourCode, or only 0200 (no remarks),
 * 0233 (not assessed) and, on a 325, 8001 (declaratie granted). Any other code is an afkeur, explained per code with
 * its meaning from the RetourCode list and the class it hit.
 */
@Component("retourStatus")
public class RetourStatus implements Processor {

    private final RetourCodeMeanings meanings;

    public RetourStatus(RetourCodeMeanings meanings) {
        this.meanings = meanings;
    }

    @Override
    public void process(Exchange exchange) {
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        boolean accepted = facts.allCodesAccept();
        exchange.setProperty(Flow.ACCEPTED, accepted);
        if (!accepted) {
            exchange.setProperty(Flow.AFKEUR_REASON, reason(exchange, facts));
        }
    }

    private String reason(Exchange exchange, MessageFacts facts) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        String codes = facts.retourCodes().stream()
                .filter(hit -> !MessageFacts.isAccepting(hit.code()))
                .map(this::line)
                .collect(Collectors.joining("\n"));
        return type.name() + " " + identity.identificatie() + " from " + identity.sender() + " rejects "
                + type.counterpart() + " " + identity.answers() + " (Dagtekening " + identity.answersDate() + "):\n" + codes;
    }

    private String line(RetourCodeHit hit) {
        String keys = hit.keys().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "- " + hit.code() + " " + meanings.meaning(hit.code()) + " [" + hit.category() + ": " + hit.berichtklasse()
                + (keys.isEmpty() ? "" : ", " + keys) + ", " + hit.path() + "]";
    }
}
