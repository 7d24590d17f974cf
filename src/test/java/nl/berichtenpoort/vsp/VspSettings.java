package nl.berichtenpoort.vsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import nl.berichtenpoort.BerichtenpoortProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** berichtenpoort.vecozo.vsp as config/application.yaml sets it, with some keys (below that prefix) set otherwise. */
final class VspSettings {

    private VspSettings() {
    }

    static BerichtenpoortProperties.Vsp bind(Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            environment.getPropertySources().addFirst(new MapPropertySource("test", prefixed(overrides)));
            new YamlPropertySourceLoader().load("application", new FileSystemResource("config/application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment).bind("berichtenpoort.vecozo.vsp", BerichtenpoortProperties.Vsp.class).get();
    }

    private static Map<String, Object> prefixed(Map<String, Object> overrides) {
        Map<String, Object> prefixed = new java.util.HashMap<>();
        overrides.forEach((key, value) -> prefixed.put("berichtenpoort.vecozo.vsp." + key, value));
        return prefixed;
    }
}
