package nl.berichtenpoort.message;

import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.XsdValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message model, the message-type table and the validator, from the configured schema folder. */
@Configuration(proxyBeanMethods = false)
public class MessageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MessageConfiguration.class);

    /** Compiles every schema at start: a broken schema an operator added stops the gateway here, not at a message. */
    @Bean
    SchemaCatalog schemaCatalog(BerichtenpoortProperties properties) {
        SchemaCatalog catalog = new SchemaCatalog(properties.schemas().folder());
        catalog.compileAll();
        LOG.info("Loaded {} message schemas from {}", catalog.schemas().size(), catalog.folder());
        return catalog;
    }

    @Bean
    MessageTypeRegistry messageTypeRegistry(BerichtenpoortProperties properties) {
        MessageTypeRegistry registry = MessageTypeRegistry.load(properties.schemas().folder());
        LOG.info("Loaded {} message types from {}", registry.all().size(), properties.schemas().folder().resolve(MessageTypeRegistry.TABLE_FILE));
        return registry;
    }

    @Bean
    XsdValidator xsdValidator(SchemaCatalog catalog, BerichtenpoortProperties properties) {
        return new XsdValidator(catalog, properties.schemas().maxMessageSize().toBytes());
    }

    @Bean
    RetourCodeMeanings retourCodeMeanings(BerichtenpoortProperties properties) {
        return RetourCodeMeanings.load(properties.schemas().folder());
    }

    @Bean
    MessageModel messageModel() {
        return new MessageModel();
    }
}
