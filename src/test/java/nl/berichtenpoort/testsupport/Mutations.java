package nl.berichtenpoort.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Generates broken variants of a valid message, each with one change: an element removed, duplicated or swapped with
 * its next sibling, or a value replaced by one that breaks a typical facet (pattern, enumeration, length, date, range).
 */
public final class Mutations {

    /** Values that each break some facet of some iStandaarden type, and are valid for others. */
    private static final List<String> VALUE_MUTATIONS = List.of(
            "", " ", "Z", "+01:00", "1234567890", "99", "XX", "-1", "2025-02-30", "2025-01-31Z", "2025-01-31+01:00",
            "12:00:00Z", "1234567890123", "x".repeat(37), "x".repeat(201), "1.0", "999999999999999");

    public record Mutation(String description, byte[] content) {
        @Override
        public String toString() {
            return description;
        }
    }

    private Mutations() {
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] serialize(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every single-change variant of the message. */
    public static List<Mutation> of(byte[] valid) {
        Document original = parse(valid);
        List<Element> elements = elements(original.getDocumentElement());
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 1; i < elements.size(); i++) {
            int index = i;
            String path = path(elements.get(i));
            mutations.add(mutate(original, "remove " + path, index, e -> e.getParentNode().removeChild(e)));
            mutations.add(mutate(original, "duplicate " + path, index, e -> e.getParentNode().insertBefore(e.cloneNode(true), e)));
            if (nextElement(elements.get(i)) != null) {
                mutations.add(mutate(original, "swap with next sibling " + path, index, e -> {
                    Element next = nextElement(e);
                    e.getParentNode().insertBefore(next, e);
                }));
            }
            if (isLeaf(elements.get(i))) {
                for (String value : VALUE_MUTATIONS) {
                    mutations.add(mutate(original, "value '" + abbreviate(value) + "' in " + path, index, e -> e.setTextContent(value)));
                }
            }
        }
        return mutations;
    }

    /** One named change on a copy of the message: {@code change} gets the first element whose path ends with {@code localPath}. */
    public static Mutation at(byte[] valid, String description, String localPath, Consumer<Element> change) {
        Document original = parse(valid);
        List<Element> elements = elements(original.getDocumentElement());
        for (int i = 0; i < elements.size(); i++) {
            if (path(elements.get(i)).endsWith(localPath)) {
                return mutate(original, description + " at " + path(elements.get(i)), i, change);
            }
        }
        throw new IllegalArgumentException("no element " + localPath);
    }

    private static Mutation mutate(Document original, String description, int index, Consumer<Element> change) {
        Document copy = (Document) original.cloneNode(true);
        change.accept(elements(copy.getDocumentElement()).get(index));
        return new Mutation(description, serialize(copy));
    }

    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Element element, List<Element> all) {
        all.add(element);
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, all);
            }
        }
    }

    private static Element nextElement(Element e) {
        for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element next) {
                return next;
            }
        }
        return null;
    }

    private static boolean isLeaf(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static String path(Element e) {
        StringBuilder s = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            s.insert(0, "/" + el.getLocalName());
        }
        return s.toString();
    }

    private static String abbreviate(String value) {
        return value.length() > 15 ? value.substring(0, 5) + "...(" + value.length() + ")" : value;
    }
}
