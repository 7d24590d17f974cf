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
 * The embedded Artemis broker: a journal that syncs each durable send without waiting for others, durable queues for
 * the audit trail and the dead letters, and explicit dead-letter and expiry addresses so that the broker never drops
 * a message (without them Artemis discards a message after ten failed deliveries). JMX management is on, so hawtio
 * shows the queues.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    static final String DEAD_LETTER = "berichtenpoort.dlq";
    static final String EXPIRY = "berichtenpoort.expiry";
    static final int JOURNAL_BUFFER_TIMEOUT_NANOS = 100_000;

    @Bean
    ArtemisConfigurationCustomizer berichtenpoortBroker(BerichtenpoortProperties properties) {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            // A durable send returns once the journal is synced; the journal syncs at most once per buffer timeout.
            // Artemis' NIO default (3.3 ms) suits many concurrent senders; the gateway sends one thing at a time (a
            // batch of audit events, a dead letter), so each waited the whole timeout (300 WMO315 in a row, when each
            // message sent its own audit events: 27 -> 42 msg/s with 100 µs).
            configuration.setJournalBufferTimeout_NIO(JOURNAL_BUFFER_TIMEOUT_NANOS);
            configuration.setJournalBufferTimeout_AIO(JOURNAL_BUFFER_TIMEOUT_NANOS);
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
