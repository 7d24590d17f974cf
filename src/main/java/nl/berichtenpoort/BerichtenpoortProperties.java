package nl.berichtenpoort;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the gateway, under the prefix {@code berichtenpoort}. Each key is documented in
 * config/application.yaml, which shows the defaults given here.
 */
@ConfigurationProperties("berichtenpoort")
@Validated
public record BerichtenpoortProperties(@Valid @NotNull @DefaultValue Schemas schemas) {

    /**
     * @param folder         the schema folder: message schemas at any depth plus the table berichttypen.csv
     * @param maxMessageSize the largest message accepted; OP179 sets 25 MB
     */
    public record Schemas(
            @NotNull @DefaultValue("xsd") Path folder,
            @NotNull @DefaultValue("25MB") DataSize maxMessageSize) {
    }
}
