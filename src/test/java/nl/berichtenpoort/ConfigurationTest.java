package nl.berichtenpoort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.berichtenpoort.message.MessageConfiguration;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.XsdValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The configuration record binds with its documented defaults, and bad values stop the gateway with a clear reason. */
class ConfigurationTest {

    @EnableConfigurationProperties(BerichtenpoortProperties.class)
    static class Properties {
    }

    /** Reads config/application.yaml as the gateway does. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class, MessageConfiguration.class);

    @Test
    void theDocumentedDefaultsMakeAnAanbiederWithSchemasFromXsdAndMessagesUpTo25Mb() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            BerichtenpoortProperties properties = context.getBean(BerichtenpoortProperties.class);
            assertThat(properties.role()).isEqualTo(Role.AANBIEDER);
            assertThat(properties.ownCode()).isEqualTo("98025566");
            assertThat(properties.vecozo().transport()).isEqualTo(BerichtenpoortProperties.Transport.FOLDER);
            assertThat(properties.folders().epdUit()).hasToString("data/epd/uit");
            assertThat(properties.schemas().folder()).hasToString("xsd");
            assertThat(context.getBean(XsdValidator.class).maxMessageBytes()).isEqualTo(25L * 1024 * 1024);
            assertThat(context.getBean(SchemaCatalog.class).schemas()).hasSize(28);
            assertThat(context.getBean(MessageTypeRegistry.class).all()).hasSize(28);
        });
    }

    @Test
    void theVspTransportDefaultsToVecozosAcceptanceEnvironmentWithTimeoutsAndTheBerichtstroomTemplates() {
        runner.run(context -> {
            BerichtenpoortProperties.Vsp vsp = context.getBean(BerichtenpoortProperties.class).vecozo().vsp();
            assertThat(vsp.pushUrl()).hasToString("https://tst-api.vecozo.nl/acc/berichtenservice/berichten/rest-push/v1");
            assertThat(vsp.statusUrl()).hasToString("https://tst-api.vecozo.nl/acc/berichtenservice/berichtstatus/rest-pull/v2");
            assertThat(vsp.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(vsp.readTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(vsp.statusMaxAge()).isEqualTo(Duration.ofDays(14));
            assertThat(vsp.berichtstroom().berichttype()).isEqualTo("{type}");
            assertThat(vsp.keystore()).isNull();
        });
    }

    @Test
    void aVspReadTimeoutOfZeroWouldWaitForeverAndStopsTheStart() {
        runner.withPropertyValues("berichtenpoort.vecozo.vsp.read-timeout=0").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aPasswordWrittenInAConfigurationFileStopsTheStartAndNamesTheVariableToUse() {
        runner.withUserConfiguration(SecretsFromEnvironment.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new OriginTrackedMapPropertySource(
                        "Config resource 'file [config/application-vsp.yaml]'", Map.of("berichtenpoort.vecozo.vsp.keystore-password", "geheim"))))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("berichtenpoort.vecozo.vsp.keystore-password is written in Config resource 'file [config/application-vsp.yaml]'")
                            .hasMessageContaining("set BERICHTENPOORT_VECOZO_VSP_KEYSTOREPASSWORD");
                });
    }

    @Test
    void anAccountsPasswordWrittenInAConfigurationFileStopsTheStart() {
        runner.withUserConfiguration(SecretsFromEnvironment.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new OriginTrackedMapPropertySource(
                        "Config resource 'file [config/application.yaml]'", Map.of("berichtenpoort.security.users[0].name", "jansen",
                        "berichtenpoort.security.users[0].password", "welkom01", "berichtenpoort.security.users[0].role", "operator"))))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("berichtenpoort.security.users[0].password is written in Config resource 'file [config/application.yaml]'")
                            .hasMessageContaining("BERICHTENPOORT_SECURITY_USERS_0_NAME");
                });
    }

    @Test
    void aPasswordFromTheEnvironmentIsTaken() {
        runner.withUserConfiguration(SecretsFromEnvironment.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        "systemEnvironment", Map.of("BERICHTENPOORT_VECOZO_VSP_KEYSTOREPASSWORD", "geheim"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BerichtenpoortProperties.class).vecozo().vsp().keystorePassword()).isEqualTo("geheim");
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

    @Test
    void theGemeenteRoleWithoutAGemeentecodeStopsTheStartWithTheKeyToSet() {
        runner.withPropertyValues("berichtenpoort.role=gemeente").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("berichtenpoort.gemeente-code in role gemeente");
        });
    }

    @Test
    void anAgbCodeOfSevenDigitsStopsTheStart() {
        runner.withPropertyValues("berichtenpoort.agb-code=9802556").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("an AGB code is 8 digits");
        });
    }

    @Test
    void everySettingOfTheGatewayIsDocumentedInApplicationYaml() throws Exception {
        String yaml = Files.readString(Path.of("config/application.yaml"));
        JsonNode metadata = new ObjectMapper().readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());

        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asText();
            String key = name.substring(name.lastIndexOf('.') + 1);
            assertThat(yaml).as("config/application.yaml documents %s", name).containsPattern("(?m)^\\s*(# )?" + key + ":");
        }
    }
}
