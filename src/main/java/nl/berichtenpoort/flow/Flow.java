package nl.berichtenpoort.flow;

/**
 * The exchange properties a message carries through the routes. The routes read the plain ones (direction, kind,
 * type name, file name) in their choices; the processors share the rich ones.
 */
public final class Flow {

    /** uit (EPD to VECOZO) or in (VECOZO to EPD). */
    public static final String DIRECTION = "bpDirection";
    /** The file name as it arrived. */
    public static final String SOURCE = "bpSource";
    /** {@link nl.berichtenpoort.message.MessageType}. */
    public static final String TYPE = "bpType";
    /** The type's name, e.g. WMO305, for choices and logs. */
    public static final String TYPE_NAME = "bpTypeName";
    /** heen or retour. */
    public static final String KIND = "bpKind";
    /** {@link nl.berichtenpoort.message.MessageHeader}. */
    public static final String HEADER = "bpHeader";
    /** {@link nl.berichtenpoort.message.MessageIdentity}. */
    public static final String IDENTITY = "bpIdentity";
    /** {@link nl.berichtenpoort.message.MessageFacts}. */
    public static final String FACTS = "bpFacts";
    /** The name under which the message is delivered: TYPE_sender_identificatie.xml. */
    public static final String FILE_NAME = "bpFileName";
    /** The store id of the message. */
    public static final String STORE_ID = "bpStoreId";
    /** For a retour: true when every RetourCode accepts. */
    public static final String ACCEPTED = "bpAccepted";
    /** For a rejected retour: the reason in words, with each code's meaning and class. */
    public static final String AFKEUR_REASON = "bpAfkeurReason";

    private Flow() {
    }
}
