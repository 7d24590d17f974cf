package nl.berichtenpoort.validation;

/**
 * Receives the elements of a message while it is validated, so that facts can be gathered in the same streaming pass
 * (no second parse of a 25 MB declaratie).
 */
public interface ContentListener {

    ContentListener NONE = new ContentListener() {
    };

    default void start(ElementPath element) {
    }

    /** @param text the element's text when it has no child elements, otherwise null */
    default void end(ElementPath element, String text) {
    }
}
