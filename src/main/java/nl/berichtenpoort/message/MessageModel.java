package nl.berichtenpoort.message;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.berichtenpoort.xml.SecureXml;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/**
 * Reads and writes messages as the JAXB classes generated from xsd/ (one package per message namespace, e.g.
 * {@code nl.istandaarden.iwmo._3_2.wmo301.schema}). Writing uses the standard's prefixes (wmo301:, iwmo:) and UTF-8;
 * dates and times carry no time zone because the model holds them as LocalDate and LocalTime.
 */
public final class MessageModel {

    private static final String ROOT = "Bericht";
    private static final String PREFIX_MAPPER = "org.glassfish.jaxb.namespacePrefixMapper";

    private final Map<String, JAXBContext> contexts = new ConcurrentHashMap<>();
    private final XMLInputFactory stax = SecureXml.staxFactory();

    /** The Java package generated for a message namespace, by the same rule as the schema compiler. */
    public static String packageOf(String namespace) {
        URI uri = URI.create(namespace);
        List<String> parts = new ArrayList<>(List.of(uri.getHost().split("\\.")));
        if (parts.get(0).equals("www")) {
            parts.remove(0);
        }
        Collections.reverse(parts);
        List<String> name = new ArrayList<>(parts);
        for (String segment : uri.getPath().split("/")) {
            if (!segment.isEmpty()) {
                name.add(Character.isDigit(segment.charAt(0)) ? "_" + segment : segment);
            }
        }
        return String.join(".", name);
    }

    /** The Root object of a message of this type. */
    public Object read(byte[] xml, MessageType type) {
        return read(xml, rootClass(type.namespace()));
    }

    public <T> T read(byte[] xml, Class<T> rootClass) {
        XMLStreamReader reader = null;
        try {
            reader = stax.createXMLStreamReader(new ByteArrayInputStream(xml));
            return context(rootClass).createUnmarshaller().unmarshal(reader, rootClass).getValue();
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalArgumentException("cannot read message as " + rootClass.getName() + ": " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /** The message as UTF-8 XML with root element Bericht in the namespace of the root object's package. */
    public byte[] write(Object root) {
        Class<?> rootClass = root.getClass();
        String namespace = rootClass.getPackage().getAnnotation(XmlSchema.class).namespace();
        try {
            Marshaller marshaller = context(rootClass).createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(PREFIX_MAPPER, new StandardPrefixes());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(element(namespace, rootClass, root), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write message " + rootClass.getName(), e);
        }
    }

    public Class<?> rootClass(String namespace) {
        String className = packageOf(namespace) + ".Root";
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no message model for namespace " + namespace + " (expected " + className + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> JAXBElement<T> element(String namespace, Class<T> type, Object value) {
        return new JAXBElement<>(new QName(namespace, ROOT), type, (T) value);
    }

    private JAXBContext context(Class<?> rootClass) {
        return contexts.computeIfAbsent(rootClass.getPackageName(), pkg -> {
            try {
                return JAXBContext.newInstance(pkg, rootClass.getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot create a JAXB context for " + pkg, e);
            }
        });
    }

    /** wmo301: for .../wmo301/schema and iwmo: / ijw: for the basisschema, as in the standard's own examples. */
    private static final class StandardPrefixes extends NamespacePrefixMapper {
        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            if (!namespaceUri.startsWith("http://www.istandaarden.nl/") || !namespaceUri.endsWith("/schema")) {
                return suggestion;
            }
            String[] segments = namespaceUri.split("/");
            String message = segments[segments.length - 2];
            return "basisschema".equals(message) ? segments[3] : message;
        }
    }
}
