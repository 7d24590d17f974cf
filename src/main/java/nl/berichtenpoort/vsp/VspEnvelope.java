package nl.berichtenpoort.vsp;

import java.util.List;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.message.Standard;
import nl.berichtenpoort.store.VspReferences;
import nl.berichtenpoort.vsp.VspJson.BerichtMetadata;
import nl.berichtenpoort.vsp.VspJson.Berichtstroom;
import nl.berichtenpoort.vsp.VspJson.Referentiegegevens;
import nl.berichtenpoort.vsp.VspJson.Relatie;
import nl.berichtenpoort.vsp.VspJson.Routeringgegevens;

/**
 * The routing data VECOZO needs with a message we push: who sends it to whom (rol and AGB code or gemeentecode, as in
 * the message header), its berichtstroom (from the configured templates), and its references. The referentieId is
 * the name the message has in our outbox, so that it can be found in the VECOZO portal too.
 */
public class VspEnvelope {

    private final BerichtenpoortProperties.Rol rol;
    private final BerichtenpoortProperties.Berichtstroom berichtstroom;

    public VspEnvelope(BerichtenpoortProperties.Vsp vsp) {
        this.rol = vsp.rol();
        this.berichtstroom = vsp.berichtstroom();
    }

    public BerichtMetadata of(MessageType type, MessageHeader header, MessageIdentity identity, VspReferences references) {
        Relatie afzender = new Relatie(rol(type.sender()), identity.sender());
        Relatie geadresseerde = new Relatie(rol(type.receiver()), identity.receiver());
        Berichtstroom stroom = new Berichtstroom(fill(berichtstroom.berichttype(), type), blankToNull(fill(berichtstroom.berichtsubtype(), type)),
                number(header.field("BerichtVersie")), number(header.field("BerichtSubversie")), berichtstroom.actie());
        Referentiegegevens referentiegegevens = new Referentiegegevens(references.conversatieId(), references.traceerId(),
                references.alsAntwoordOp(), type.name() + "_" + identity.sender() + "_" + identity.identificatie());
        return new BerichtMetadata(null, new Routeringgegevens(afzender, List.of(geadresseerde), stroom), referentiegegevens);
    }

    private String rol(Role role) {
        return role == Role.AANBIEDER ? rol.aanbieder() : rol.gemeente();
    }

    private static String fill(String template, MessageType type) {
        if (template == null) {
            return null;
        }
        return template.replace("{type}", type.name()).replace("{code}", type.berichtCode())
                .replace("{standaard}", type.standard() == Standard.IWMO ? "iWmo" : "iJw");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer number(String value) {
        return value.isBlank() ? null : Integer.valueOf(value.strip());
    }
}
