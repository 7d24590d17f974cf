package nl.berichtenpoort;

import static org.assertj.core.api.Assertions.assertThat;

import nl.berichtenpoort.message.MessageConfiguration;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.XsdValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The configuration record binds with its documented defaults, and bad values stop the gateway with a clear reason. */
class ConfigurationTest {

    @EnableConfigurationProperties(BerichtenpoortProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class, MessageConfiguration.class);

    @Test
    void withoutSettingsTheSchemasComeFromXsdAndMessagesMayBe25Mb() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            BerichtenpoortProperties properties = context.getBean(BerichtenpoortProperties.class);
            assertThat(properties.schemas().folder()).hasToString("xsd");
            assertThat(context.getBean(XsdValidator.class).maxMessageBytes()).isEqualTo(25L * 1024 * 1024);
            assertThat(context.getBean(SchemaCatalog.class).schemas()).hasSize(28);
            assertThat(context.getBean(MessageTypeRegistry.class).all()).hasSize(28);
        });
    }

    @Test
    void aSchemaFolderThatDoesNotExistStopsTheStartWithItsPath() {
        runner.withPropertyValues("berichtenpoort.schemas.folder=/nergens/xsd").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("schema folder /nergens/xsd does not exist");
        });
    }

    @Test
    void aMaximumSizeThatIsNotASizeStopsTheStart() {
        runner.withPropertyValues("berichtenpoort.schemas.max-message-size=veel").run(context -> assertThat(context).hasFailed());
    }
}
