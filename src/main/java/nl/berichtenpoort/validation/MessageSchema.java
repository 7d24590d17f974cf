package nl.berichtenpoort.validation;

import java.nio.file.Path;

/**
 * A message schema found in the schema folder, identified by what its xs:appinfo says.
 *
 * @param message  the appinfo {@code bericht}, e.g. wmo301
 * @param version  the appinfo {@code BerichtXsdVersie}
 * @param basisschemaVersion the appinfo {@code BasisschemaXsdVersie}
 */
public record MessageSchema(String namespace, String standard, String message, String release, String version, String basisschemaVersion,
                            Path file) {

    @Override
    public String toString() {
        return message + " " + release + " (BerichtXsdVersie " + version + ", " + file + ")";
    }
}
