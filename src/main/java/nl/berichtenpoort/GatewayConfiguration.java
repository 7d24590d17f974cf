package nl.berichtenpoort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import nl.berichtenpoort.privacy.ClientKeys;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's clock, its client keys, and its folders (created before the routes start polling them). */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    /** Dutch time: dates in messages and deadlines are Dutch calendar days. Tests bring a clock of their own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Amsterdam"));
    }

    /** For enrich steps that send something on the side and go on with the message they started with. */
    @Bean
    UseOriginalAggregationStrategy useOriginal() {
        return new UseOriginalAggregationStrategy();
    }

    @Bean
    ClientKeys clientKeys(BerichtenpoortProperties properties) {
        return ClientKeys.fromSecretOrFile(properties.privacy().clientKeySecret(), properties.privacy().clientKeyFile());
    }

    @Bean
    InitializingBean folders(BerichtenpoortProperties properties) {
        return () -> {
            for (Path folder : properties.folders().all()) {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create folder " + folder.toAbsolutePath(), e);
                }
            }
        };
    }
}
