package nl.berichtenpoort.message;

/**
 * One row of the message-type table ({@code xsd/berichttypen.csv}).
 *
 * @param name        the standard's name, e.g. WMO301 or JW325
 * @param counterpart for a heenbericht the retour that answers it; for a retour the heenbericht it answers
 * @param sender      the role that sends this message
 */
public record MessageType(
        String name,
        Standard standard,
        String release,
        String berichtCode,
        String namespace,
        Direction direction,
        String counterpart,
        Role sender,
        String description) {

    public boolean isRetour() {
        return direction == Direction.RETOUR;
    }

    public Role receiver() {
        return sender.other();
    }

    @Override
    public String toString() {
        return name + " (" + standard.code() + " " + release + ", BerichtCode " + berichtCode + ")";
    }
}
