package nl.berichtenpoort.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * XML parsers that refuse DOCTYPE declarations and never resolve an external entity, DTD or schema. The JDK's own
 * implementations are used on purpose ({@code newDefaultInstance}): their behaviour and messages are what the tests
 * pin down, whatever else is on the class path.
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private static final String NORMALIZED_VALUE = "http://apache.org/xml/features/validation/schema/normalized-value";

    private static final SAXParserFactory SAX = createSaxFactory();

    private SecureXml() {
    }

    /** A namespace-aware SAX parser that fails on any DOCTYPE. */
    public static SAXParser saxParser() {
        try {
            return SAX.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a secure SAX parser", e);
        }
    }

    /**
     * A namespace-aware SAX parser that fails on any DOCTYPE and validates against the schema while it parses, the
     * schema's errors going to the reader's error handler. It reads nothing a message points to (xsi:schemaLocation).
     */
    public static SAXParser saxParser(Schema schema) {
        SAXParserFactory factory = createSaxFactory();
        factory.setSchema(schema);
        try {
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the text passes on as it is in the file, not as the schema would normalise it
            parser.getXMLReader().setFeature(NORMALIZED_VALUE, false);
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a secure validating SAX parser", e);
        }
    }

    /** A StAX factory without DTD support and without external entities; callers must refuse DTD events. */
    public static XMLInputFactory staxFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /**
     * A schema factory that reads imports only through the given resolver: {@code accessExternalSchema} stays limited
     * to {@code file} because the resolver hands over file streams from the schema folder and refuses everything else.
     */
    public static SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        } catch (SAXException e) {
            throw new IllegalStateException("cannot configure a secure schema factory", e);
        }
        return factory;
    }

    private static SAXParserFactory createSaxFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure a secure SAX parser", e);
        }
        return factory;
    }
}
