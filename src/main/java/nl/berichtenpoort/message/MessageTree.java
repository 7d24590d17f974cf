package nl.berichtenpoort.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.berichtenpoort.xml.SecureXml;

/**
 * A read-only tree of a (validated) message by local element names, the same for iWmo and iJw, so that one rule can
 * check both standards: {@code message.all("Client/ToegewezenProducten/ToegewezenProduct")}. Each node knows its path
 * as the validator reports it ({@code /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]}).
 */
public final class MessageTree {

    private static final XMLInputFactory STAX = SecureXml.staxFactory();

    private final String name;
    private final String path;
    private final List<MessageTree> children = new ArrayList<>();
    private String text = "";

    private MessageTree(String name, String path) {
        this.name = name;
        this.path = path;
    }

    /** Reads a message that has passed XSD validation. */
    public static MessageTree parse(InputStream in) {
        try {
            XMLStreamReader reader = STAX.createXMLStreamReader(in);
            Deque<MessageTree> open = new ArrayDeque<>();
            MessageTree root = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    MessageTree parent = open.peekLast();
                    String name = reader.getLocalName();
                    MessageTree node = new MessageTree(name, parent == null ? "/" + name : parent.path + "/" + name
                            + index(parent, name));
                    if (parent == null) {
                        root = node;
                    } else {
                        parent.children.add(node);
                    }
                    open.addLast(node);
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    MessageTree node = open.removeLast();
                    if (node.children.isEmpty()) {
                        node.text = text.toString().strip();
                    }
                    text.setLength(0);
                }
            }
            reader.close();
            return root;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("cannot read message: " + e.getMessage(), e);
        }
    }

    public static MessageTree parse(byte[] xml) {
        try (InputStream in = new java.io.ByteArrayInputStream(xml)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String index(MessageTree parent, String name) {
        long earlier = parent.children.stream().filter(c -> c.name.equals(name)).count();
        return earlier == 0 ? "" : "[" + (earlier + 1) + "]";
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    /** The text of a leaf element; empty for elements with children. */
    public String text() {
        return text;
    }

    /** Every node at this relative path of local names, e.g. {@code Client/Relaties/Relatie}. */
    public List<MessageTree> all(String relativePath) {
        List<MessageTree> current = List.of(this);
        for (String step : relativePath.split("/")) {
            List<MessageTree> next = new ArrayList<>();
            for (MessageTree node : current) {
                for (MessageTree child : node.children) {
                    if (child.name.equals(step)) {
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    public Optional<MessageTree> first(String relativePath) {
        List<MessageTree> found = all(relativePath);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The text at a relative path, or empty when the element is absent. */
    public String text(String relativePath) {
        return first(relativePath).map(MessageTree::text).orElse("");
    }

    public boolean has(String relativePath) {
        return !all(relativePath).isEmpty();
    }

    public List<MessageTree> children() {
        return List.copyOf(children);
    }

    /** Every descendant (and this node) with this local name, in document order. */
    public List<MessageTree> descendants(String localName) {
        List<MessageTree> found = new ArrayList<>();
        collect(localName, found);
        return found;
    }

    private void collect(String localName, List<MessageTree> found) {
        if (name.equals(localName)) {
            found.add(this);
        }
        children.forEach(c -> c.collect(localName, found));
    }

    /** The content of this node as one string, for comparing whole classes (TR101). */
    public String canonical() {
        if (children.isEmpty()) {
            return name + "=" + text;
        }
        StringBuilder s = new StringBuilder(name).append('{');
        children.forEach(c -> s.append(c.canonical()).append(';'));
        return s.append('}').toString();
    }
}
