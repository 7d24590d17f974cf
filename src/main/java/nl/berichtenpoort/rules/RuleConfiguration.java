package nl.berichtenpoort.rules;

import java.util.List;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.Toewijzingen;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule engine with every rule family the gateway checks. */
@Configuration(proxyBeanMethods = false)
public class RuleConfiguration {

    @Bean
    RuleEngine ruleEngine(MessageStore store, Toewijzingen toewijzingen, ClientKeys clientKeys) {
        SentRequests requests = new SentRequests(store);
        return new RuleEngine(List.of(
                new BsnRules(),
                new DateRules(),
                new ClientRules(),
                new DuplicateLineRules(),
                new ProductRules(),
                new AntwoordRules(),
                new IdentificatieRules(store),
                new ToewijzingRules(toewijzingen, clientKeys, requests),
                new VerzoekRules(requests)));
    }
}
