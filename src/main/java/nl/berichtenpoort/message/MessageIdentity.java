package nl.berichtenpoort.message;

/**
 * Who sent a message to whom, and under which identity, whatever the header layout. A classic retour (302, 306, ...)
 * copies the header of its heenbericht, so its own sender is the header's Ontvanger and its identity the
 * IdentificatieRetour; a 325 has a header of its own and names the 323 it answers in DeclaratieIdentificatie.
 *
 * @param answers     for a retour: the Identificatie of the message it answers, else null
 * @param answersDate for a retour: the Dagtekening of the message it answers, else null
 */
public record MessageIdentity(
        String sender, String receiver, String identificatie, String dagtekening, String answers, String answersDate) {

    public static MessageIdentity of(MessageHeader header) {
        if (!header.field("IdentificatieRetour").isEmpty()) {
            return new MessageIdentity(header.ontvanger(), header.afzender(), header.field("IdentificatieRetour"),
                    header.field("DagtekeningRetour"), header.identificatie(), header.dagtekening());
        }
        if (!header.field("DeclaratieIdentificatie/Identificatie").isEmpty()) {
            return new MessageIdentity(header.afzender(), header.ontvanger(), header.identificatie(), header.dagtekening(),
                    header.field("DeclaratieIdentificatie/Identificatie"), header.field("DeclaratieIdentificatie/Dagtekening"));
        }
        return new MessageIdentity(header.afzender(), header.ontvanger(), header.identificatie(), header.dagtekening(), null, null);
    }

    public boolean isAnswer() {
        return answers != null;
    }
}
