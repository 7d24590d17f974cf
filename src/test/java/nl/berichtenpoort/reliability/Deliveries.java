package nl.berichtenpoort.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.reliability.CrashCorpus.Bericht;
import nl.berichtenpoort.testsupport.RunningGateway;

/** Where the messages of a {@link CrashCorpus} end up in a gateway's folders below {@code root}. */
final class Deliveries {

    private Deliveries() {
    }

    /** Whether the message reached the other side: an EPD message the VECOZO outbox, a toewijzing the EPD folder. */
    static boolean arrived(Path root, Bericht bericht) {
        return Files.exists(bericht.fromEpd() ? root.resolve("vecozo/uit/" + bericht.type() + "_98025566_" + bericht.identificatie() + ".xml")
                : root.resolve("epd/in/" + bericht.type() + "_0384_" + bericht.identificatie() + ".xml"));
    }

    /** An EPD message in the VECOZO outbox once, byte for byte; a toewijzing in the EPD folder once, and its retour once. */
    static void assertDeliveredOnce(Path root, Bericht bericht) {
        if (bericht.fromEpd()) {
            List<Path> sent = filesAbout(root.resolve("vecozo/uit"), bericht.type(), bericht.identificatie());
            assertThat(sent).as(bericht.fileName() + " in the VECOZO outbox").hasSize(1);
            assertThat(sent.get(0)).hasBinaryContent(bericht.content());
        } else {
            List<Path> delivered = filesAbout(root.resolve("epd/in"), bericht.type(), bericht.identificatie());
            assertThat(delivered).as(bericht.fileName() + " in the EPD folder").hasSize(1);
            assertThat(delivered.get(0)).hasBinaryContent(bericht.content());
            String retourType = bericht.type().replace("301", "302");
            assertThat(filesAbout(root.resolve("vecozo/uit"), retourType, bericht.identificatie())).as("the " + retourType + " to " + bericht.fileName())
                    .hasSize(1);
        }
    }

    /** The files of this type in a folder whose header names this Identificatie (a retour names its heenbericht's). */
    private static List<Path> filesAbout(Path folder, String type, String identificatie) {
        return RunningGateway.files(folder).stream().filter(f -> f.getFileName().toString().startsWith(type + "_"))
                .filter(f -> identificatie.equals(MessageTree.parse(RunningGateway.bytes(f)).text("Header/BerichtIdentificatie/Identificatie"))).toList();
    }

}
