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
    /** The SHA-256 of the message, computed while it was validated, and the file or byte array it was read from. */
    public static final String SHA256 = "bpSha256";
    public static final String SHA256_OF = "bpSha256Of";
    /** The name under which the message is delivered: TYPE_sender_identificatie.xml. */
    public static final String FILE_NAME = "bpFileName";
    /** The store id of the message. */
    public static final String STORE_ID = "bpStoreId";
    /** For a retour: true when every RetourCode accepts; for a received heenbericht: true when our checks approve it. */
    public static final String ACCEPTED = "bpAccepted";
    /** {@link AfkeurEntry}: what goes into the afkeur dead letter and why. */
    public static final String AFKEUR = "bpAfkeur";
    /** For a retour: the {@link nl.berichtenpoort.store.StoredMessage} heenbericht it answers, when known. */
    public static final String HEEN = "bpHeen";
    /** For a retour: the state its heenbericht moves to. */
    public static final String HEEN_STATE = "bpHeenState";
    /** For a received heenbericht: its {@link nl.berichtenpoort.message.MessageTree}. */
    public static final String TREE = "bpTree";
    /** For a received heenbericht: the {@link nl.berichtenpoort.rules.RuleOutcome} of our checks. */
    public static final String RULE_OUTCOME = "bpRuleOutcome";
    /** For a received heenbericht: the bytes of the retour we send, and whether it went out already. */
    public static final String RETOUR_BYTES = "bpRetourBytes";
    public static final String RETOUR_SENT = "bpRetourSent";
    public static final String RETOUR_FILE_NAME = "bpRetourFileName";
    /** On our retour: the store id of the heenbericht it answers. */
    public static final String ANSWERS_ID = "bpAnswersId";
    /** Sequencing of an outbound message: vrij, wacht or voorganger-afgekeurd. */
    public static final String SEQUENCE = "bpSequence";
    /** True when this very file was processed to the end before a crash: it is only moved out of the way. */
    public static final String ALREADY_DONE = "bpAlVerwerkt";
    /** The state such a file's message reached before the crash. */
    public static final String ALREADY_DONE_STATE = "bpAlVerwerktStatus";

    /** Transport vsp: the {@link nl.berichtenpoort.store.VspReferences} of the message, and its TraceerId alone. */
    public static final String VSP_REFERENCES = "bpVspReferences";
    public static final String VSP_TRACEER_ID = "bpVspTraceerId";

    private Flow() {
    }
}
