package nl.berichtenpoort.validation;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.xml.SecureXml;

/**
 * Reads a message up to the end of its Header and no further, so that even a 25 MB declaratie is identified after a
 * few kilobytes. Refuses what the gateway never accepts before anything else looks at the file: a DOCTYPE, an encoding
 * other than UTF-8 and a root element other than Bericht in a namespace.
 */
public final class HeaderReader {

    private static final String ROOT = "Bericht";
    private static final String HEADER = "Header";

    private final XMLInputFactory factory = SecureXml.staxFactory();

    public MessageHeader read(InputStream in) throws UnreadableMessageException {
        XMLStreamReader reader = null;
        try {
            // buffered: the parser reads the XML declaration a byte at a time, each a system call on a bare file
            reader = factory.createXMLStreamReader(new BufferedInputStream(in));
            checkEncoding(reader);
            return readHeader(reader);
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } finally {
            close(reader);
        }
    }

    private MessageHeader readHeader(XMLStreamReader reader) throws XMLStreamException, UnreadableMessageException {
        String namespace = null;
        Deque<String> path = new ArrayDeque<>();
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new UnreadableMessageException(Problem.DOCTYPE,
                        reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(),
                        "the file contains a DOCTYPE declaration; iWmo/iJw messages never have one and it is refused"
                                + " so that no entity is ever resolved");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (namespace == null) {
                        namespace = checkRoot(reader);
                    } else {
                        path.addLast(reader.getLocalName());
                    }
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (path.isEmpty()) {
                        return new MessageHeader(namespace, fields);
                    }
                    if (path.size() > 1 && text.length() > 0 && HEADER.equals(path.getFirst())) {
                        fields.put(String.join("/", path).substring(HEADER.length() + 1), text.toString().strip());
                    }
                    text.setLength(0);
                    String ended = path.removeLast();
                    if (path.isEmpty() && HEADER.equals(ended)) {
                        return new MessageHeader(namespace, fields);
                    }
                }
                default -> {
                }
            }
        }
        throw new UnreadableMessageException(Problem.NOT_WELL_FORMED, 0, 0, "the file holds no XML element");
    }

    private static String checkRoot(XMLStreamReader reader) throws UnreadableMessageException {
        String namespace = reader.getNamespaceURI();
        if (!ROOT.equals(reader.getLocalName()) || namespace == null || namespace.isEmpty()) {
            throw new UnreadableMessageException(Problem.NOT_A_MESSAGE, reader.getLocation().getLineNumber(),
                    reader.getLocation().getColumnNumber(), "the root element is " + qualified(reader)
                    + "; an iWmo/iJw message has the root element Bericht in the namespace of its message type");
        }
        return namespace;
    }

    private static void checkEncoding(XMLStreamReader reader) throws UnreadableMessageException {
        String declared = reader.getCharacterEncodingScheme();
        String detected = reader.getEncoding();
        for (String encoding : new String[] {declared, detected}) {
            if (encoding != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(encoding) && !"UTF8".equalsIgnoreCase(encoding)) {
                throw new UnreadableMessageException(Problem.NOT_UTF8, 1, 1, "the file is encoded as " + encoding
                        + "; iWmo/iJw messages must be UTF-8 (with or without byte order mark)");
            }
        }
    }

    private static String qualified(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        return (ns == null || ns.isEmpty() ? "" : "{" + ns + "}") + reader.getLocalName();
    }

    private static UnreadableMessageException notWellFormed(XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf("Message: ");
        message = detail >= 0 ? message.substring(detail + "Message: ".length()) : message;
        return new UnreadableMessageException(XsdMessages.classify(message), line, column, XsdMessages.wellFormedness(message));
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // the stream itself is closed by the caller
            }
        }
    }
}
