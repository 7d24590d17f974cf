package nl.berichtenpoort.store;

/**
 * Where a message stands. An outbound heenbericht goes VERZONDEN and then, by its retour, GEACCEPTEERD or AFGEKEURD
 * (a 323 by its 325: GEACCEPTEERD, DEELS_TOEGEKEND or AFGEWEZEN); VECOZO/GGk may refuse it at intake
 * (AFGEKEURD_DOOR_DIENST); without a retour in time it becomes RETOUR_TE_LAAT. An inbound heenbericht is GEACCEPTEERD
 * or AFGEKEURD by our own retour; an inbound retour is AFGELEVERD to the EPD or IN_AFKEUR.
 */
public enum MessageState {
    /** Taken on; the checks are running. */
    ONTVANGEN,
    /** An outbound follow-up that waits for the retour of its predecessor (OP080, TR326, TR063, TR069). */
    WACHT_OP_VOORGANGER,
    /** Sent to VECOZO; a heenbericht now waits for its retour. */
    VERZONDEN,
    GEACCEPTEERD,
    /** A 323 of which some prestaties were rejected by its 325. */
    DEELS_TOEGEKEND,
    /** A 323 rejected as a whole by its 325. */
    AFGEWEZEN,
    AFGEKEURD,
    /** Refused by VECOZO or the GGk at intake (XSD, BRS codes); the counterparty never saw it. */
    AFGEKEURD_DOOR_DIENST,
    /** No retour within the deadline. */
    RETOUR_TE_LAAT,
    /** Inbound, handed to the EPD. */
    AFGELEVERD,
    /** Inbound retour that went to the afkeur dead letter (rejecting, or answering nothing we know). */
    IN_AFKEUR,
    /** In the fout dead letter. */
    FOUT
}
