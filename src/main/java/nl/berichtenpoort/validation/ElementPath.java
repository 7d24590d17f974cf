package nl.berichtenpoort.validation;

import java.util.HashMap;
import java.util.Map;

/**
 * Where an element is in a message, as in {@code /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum}.
 * The text is made only when someone asks for it (an error, a RetourCode): a 25 MB declaratie has about a million
 * elements, and building a path for each of them took a fifth of its validation.
 */
public final class ElementPath {

    private final ElementPath parent;
    private final String name;
    private final int index;
    /** How often each child name occurred so far; null while the element has no children (most elements are leaves). */
    private Map<String, Integer> childCounts;
    private String text;

    private ElementPath(ElementPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The root element. */
    static ElementPath root(String name) {
        return new ElementPath(null, name, 1);
    }

    /** The next child of this element with this name: the first, or [2], [3] after earlier siblings of that name. */
    ElementPath child(String childName) {
        if (childCounts == null) {
            childCounts = new HashMap<>(4);
        }
        return new ElementPath(this, childName, childCounts.merge(childName, 1, Integer::sum));
    }

    /** The element this one is in; null for the root. */
    public ElementPath parent() {
        return parent;
    }

    /** The element's local name. */
    public String name() {
        return name;
    }

    /** True once a child element started inside this one. */
    public boolean hasChildren() {
        return childCounts != null;
    }

    @Override
    public String toString() {
        if (text == null) {
            text = (parent == null ? "" : parent.toString()) + "/" + name + (index > 1 ? "[" + index + "]" : "");
        }
        return text;
    }
}
