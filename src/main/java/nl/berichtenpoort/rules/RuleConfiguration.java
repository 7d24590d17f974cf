package nl.berichtenpoort.rules;

import java.util.List;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.Leveringen;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.Toewijzingen;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule engine with every rule family the gateway checks: as aanbieder on the 301 and 319 it receives, as gemeente
 * on the 315, 317, 305, 307 and 323.
 */
@Configuration(proxyBeanMethods = false)
public class RuleConfiguration {

    @Bean
    RuleEngine ruleEngine(MessageStore store, Toewijzingen toewijzingen, Leveringen leveringen, ClientKeys clientKeys) {
        SentRequests requests = new SentRequests(store);
        SentToewijzingen sentToewijzingen = new SentToewijzingen(store, clientKeys);
        return new RuleEngine(List.of(
                new BsnRules(),
                new DateRules(),
                new ClientRules(),
                new DuplicateLineRules(),
                new ProductRules(),
                new AntwoordRules(),
                new DeclaratieInhoudRules(),
                new IdentificatieRules(store),
                new ToewijzingRules(toewijzingen, clientKeys, requests),
                new VerzoekRules(requests),
                new AanvraagRules(store, clientKeys),
                new StartStopRules(leveringen, sentToewijzingen, clientKeys),
                new DeclaratieRules(store, sentToewijzingen, clientKeys)));
    }
}
