package nl.berichtenpoort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the gateway's folders before the routes start polling them. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

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
