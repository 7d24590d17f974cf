package nl.berichtenpoort.flow;

import nl.berichtenpoort.BerichtenpoortProperties;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbound flow's two ledger steps, each committed in groups ({@link GroupCommit}). */
@Configuration(proxyBeanMethods = false)
public class GroupCommits {

    /**
     * Records outbound messages (TR056, never twice) before they are delivered. No wait: the messages that came while
     * the group before was written are enough, and each one's delivery waits for this commit.
     */
    @Bean
    GroupCommit registeredInGroups(Ledger ledger, TransactionTemplate transaction, CamelContext camel, BerichtenpoortProperties properties) {
        return new GroupCommit(ledger::outbound, "uitgaand-vastleggen", transaction, camel, properties.polling().inFlight(), 0);
    }

    /**
     * Marks delivered messages sent; the EPD file moves away once its message's state is written, so a crash before
     * leaves it to be read again.
     */
    @Bean
    GroupCommit sentInGroups(Ledger ledger, TransactionTemplate transaction, CamelContext camel, BerichtenpoortProperties properties) {
        return new GroupCommit(ledger::sent, "verzonden-vastleggen", transaction, camel, properties.polling().inFlight(),
                properties.store().sentGroupWait());
    }
}
