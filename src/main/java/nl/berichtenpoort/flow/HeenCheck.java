package nl.berichtenpoort.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.rules.RuleContext;
import nl.berichtenpoort.retour.DeclaratieAntwoordPlan;
import nl.berichtenpoort.rules.RuleEngine;
import nl.berichtenpoort.rules.RuleOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Checks a received heenbericht against the standard's rules (control levels 2 and 3); the outcome decides our retour.
 * A message is accepted when nothing is wrong with it; a declaratie (323) also when part of it is granted.
 */
@Component("checkHeen")
public class HeenCheck implements Processor {

    private final RuleEngine engine;
    private final Clock clock;

    public HeenCheck(RuleEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        MessageTree message;
        try (InputStream in = MessageContent.of(exchange).open()) {
            message = MessageTree.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        RuleOutcome outcome = engine.check(new RuleContext(type,
                exchange.getProperty(Flow.IDENTITY, MessageIdentity.class), message, exchange.getProperty(Flow.STORE_ID, Long.class),
                LocalDate.now(clock)));
        exchange.setProperty(Flow.TREE, message);
        exchange.setProperty(Flow.RULE_OUTCOME, outcome);
        exchange.setProperty(Flow.ACCEPTED, type.name().endsWith("323") ? DeclaratieAntwoordPlan.from(outcome).grantsAnything(message)
                : outcome.approved());
    }
}
