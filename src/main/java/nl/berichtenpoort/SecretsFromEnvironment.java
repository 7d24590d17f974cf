package nl.berichtenpoort;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a secret is written in a configuration file (config/application*.yaml travels with the
 * repository and the image): passwords and the client-key secret come from the environment, or for a test from the
 * command line.
 */
@Component
public class SecretsFromEnvironment implements InitializingBean {

    static final List<String> SECRETS = List.of(
            "berichtenpoort.vecozo.vsp.keystore-password",
            "berichtenpoort.vecozo.vsp.truststore-password",
            "berichtenpoort.vecozo.sftp.password",
            "berichtenpoort.privacy.client-key-secret");

    private static final Pattern ACCOUNT_PASSWORD = Pattern.compile("berichtenpoort\\.security\\.users\\[\\d+]\\.password");

    private final ConfigurableEnvironment environment;

    public SecretsFromEnvironment(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof OriginTrackedMapPropertySource file) {
                for (String name : file.getPropertyNames()) {
                    if (ACCOUNT_PASSWORD.matcher(name).matches()) {
                        throw new IllegalStateException(name + " is written in " + source.getName() + "; passwords come only from the"
                                + " environment: set the accounts there (BERICHTENPOORT_SECURITY_USERS_0_NAME, _PASSWORD, _ROLE)");
                    }
                }
            }
        }
        for (String secret : SECRETS) {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(secret);
            for (PropertySource<?> source : environment.getPropertySources()) {
                ConfigurationPropertySource properties = ConfigurationPropertySource.from(source);
                ConfigurationProperty property = properties == null ? null : properties.getConfigurationProperty(name);
                if (property == null) {
                    continue;
                }
                if (source instanceof OriginTrackedMapPropertySource) {
                    throw new IllegalStateException(secret + " is written in " + source.getName() + "; secrets come only from the"
                            + " environment: remove it there and set " + secret.toUpperCase().replace(".", "_").replace("-", ""));
                }
                break;
            }
        }
    }
}
