package nl.berichtenpoort.message;

/** What a message carries that other messages refer to. */
public enum ReferenceKind {
    TOEWIJZINGNUMMER,
    REFERENTIE_AANBIEDER,
    DECLARATIENUMMER,
    /** The key of a start or stop: its client, toewijzing (or product) and Begindatum. */
    PRODUCT
}
