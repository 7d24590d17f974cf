package nl.berichtenpoort.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run on our build machines, so the compose setup is checked the way it can be: every environment
 * variable given to the gateway must be a setting the gateway binds (Spring's relaxed binding: BERICHTENPOORT_AGBCODE
 * is berichtenpoort.agb-code), per the configuration metadata of the gateway and of Spring Boot.
 */
class ComposeFileTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableGivenToTheGatewayIsASettingItBinds() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker/compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("gateway");
        Map<String, Object> environment = (Map<String, Object>) gateway.get("environment");
        Set<String> bound = boundSettings();

        assertThat(environment).isNotEmpty();
        assertThat(environment.keySet()).allSatisfy(variable ->
                assertThat(bound).as("%s must map to a bound setting", variable).contains(relaxed(variable)));
        assertThat(bound).contains("berichtenpoort.agbcode", "berichtenpoort.vecozo.sftp.stricthostkeychecking");
    }

    @Test
    void theImageCarriesWhatTheGatewayReadsAtRunTime() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));

        assertThat(dockerfile).contains("COPY xsd /app/xsd", "COPY routes /app/routes", "COPY config /app/config", "WORKDIR /app");
    }

    /** BERICHTENPOORT_VECOZO_SFTP_HOST becomes berichtenpoort.vecozo.sftp.host; dashes are not compared. */
    private static String relaxed(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Set<String> boundSettings() throws IOException {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> files = ComposeFileTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                properties.forEach(p -> names.add(p.path("name").asText().replace("-", "")));
            }
        }
        return names;
    }
}
