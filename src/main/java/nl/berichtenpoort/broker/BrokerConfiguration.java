package nl.berichtenpoort.broker;

import nl.berichtenpoort.BerichtenpoortProperties;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Artemis broker: durable queues for the audit trail and the dead letters, and explicit dead-letter and
 * expiry addresses so that the broker never drops a message (without them Artemis discards a message after ten
 * failed deliveries). JMX management is on, so hawtio shows the queues.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    static final String DEAD_LETTER = "berichtenpoort.dlq";
    static final String EXPIRY = "berichtenpoort.expiry";

    @Bean
    ArtemisConfigurationCustomizer berichtenpoortQueues(BerichtenpoortProperties properties) {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            for (String queue : new String[] {properties.queues().audit(), properties.queues().afkeur(),
                    properties.queues().fout(), DEAD_LETTER, EXPIRY}) {
                configuration.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            configuration.addAddressSetting("berichtenpoort.#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(DEAD_LETTER))
                    .setExpiryAddress(SimpleString.of(EXPIRY))
                    .setMaxDeliveryAttempts(10)
                    .setAutoCreateQueues(false)
                    .setAutoCreateAddresses(false));
            configuration.addAddressSetting(DEAD_LETTER, new AddressSettings().setMaxDeliveryAttempts(-1).setExpiryAddress(null));
            configuration.addAddressSetting(EXPIRY, new AddressSettings().setMaxDeliveryAttempts(-1).setExpiryAddress(null));
        };
    }
}
