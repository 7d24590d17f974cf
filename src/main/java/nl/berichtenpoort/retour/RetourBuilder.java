package nl.berichtenpoort.retour;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.xml.SecureXml;

/**
 * Builds a classic retour (302, 306, 308, 316, 318, 320) from its heenbericht by the standard's instructions (IV028):
 * the header is copied unchanged but for the BerichtCode and gets the retour's own IdentificatieRetour,
 * DagtekeningRetour, XsltVersie (when rule checks ran), XsdVersieRetour and RetourCodes; every class of the body is
 * copied with its RetourCodes. Works for both standards, because a retour schema is its heenbericht's schema plus
 * RetourCodes per class.
 */
public final class RetourBuilder {

    /** The berichtklassen that carry RetourCodes in a retour. */
    static final Set<String> CLASSES = Set.of("Client", "Relatie", "Contact", "ToegewezenProduct", "StartProduct", "StopProduct",
            "AangevraagdProduct", "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct", "Antwoord", "Woonplaatsbeginsel");

    private static final XMLInputFactory STAX = SecureXml.staxFactory();
    private static final XMLOutputFactory OUT = XMLOutputFactory.newDefaultFactory();

    /**
     * @param xsltVersie     the version of the rule checks that ran, or null when none ran
     * @param xsdVersieRetour BasisschemaXsdVersie and BerichtXsdVersie of the retour schema
     */
    public byte[] build(byte[] heen, MessageType heenType, MessageType retourType, RetourPlan plan, String identificatieRetour,
                        LocalDate dagtekeningRetour, String xsltVersie, String[] xsdVersieRetour) {
        try {
            XMLStreamReader in = STAX.createXMLStreamReader(new ByteArrayInputStream(heen));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            XMLStreamWriter out = OUT.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            new Copy(in, out, heenType, retourType, plan, identificatieRetour, dagtekeningRetour, xsltVersie, xsdVersieRetour).run();
            out.close();
            in.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot build " + retourType.name() + " from " + heenType.name() + ": " + e.getMessage(), e);
        }
    }

    /** One pass over the heenbericht, writing the retour. */
    private static final class Copy {
        private final XMLStreamReader in;
        private final XMLStreamWriter out;
        private final String heenNamespace;
        private final String retourNamespace;
        private final String retourPrefix;
        private final String retourCode;
        private final RetourPlan plan;
        private final String identificatieRetour;
        private final LocalDate dagtekeningRetour;
        private final String xsltVersie;
        private final String[] xsdVersieRetour;
        private final Deque<Frame> path = new ArrayDeque<>();
        private String basisNamespace;
        private String basisPrefix;
        private int skipDepth = -1;

        private record Frame(String name, String path, Map<String, Integer> children) {
        }

        Copy(XMLStreamReader in, XMLStreamWriter out, MessageType heenType, MessageType retourType, RetourPlan plan,
             String identificatieRetour, LocalDate dagtekeningRetour, String xsltVersie, String[] xsdVersieRetour) {
            this.in = in;
            this.out = out;
            this.heenNamespace = heenType.namespace();
            this.retourNamespace = retourType.namespace();
            this.retourPrefix = retourType.name().toLowerCase();
            this.retourCode = retourType.berichtCode();
            this.plan = plan;
            this.identificatieRetour = identificatieRetour;
            this.dagtekeningRetour = dagtekeningRetour;
            this.xsltVersie = xsltVersie;
            this.xsdVersieRetour = xsdVersieRetour;
        }

        void run() throws XMLStreamException {
            out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            while (in.hasNext()) {
                switch (in.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> text();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                    }
                }
            }
            out.writeCharacters("\n");
            out.writeEndDocument();
        }

        private void start() throws XMLStreamException {
            Frame parent = path.peekLast();
            String name = in.getLocalName();
            int index = parent == null ? 1 : parent.children().merge(name, 1, Integer::sum);
            String here = (parent == null ? "" : parent.path()) + "/" + name + (index > 1 ? "[" + index + "]" : "");
            path.addLast(new Frame(name, here, new HashMap<>()));
            if (skipping()) {
                return;
            }
            if (path.size() == 2 && !"Header".equals(name) && !plan.withBody()) {
                skipDepth = path.size();
                return;
            }
            String namespace = in.getNamespaceURI();
            if (heenNamespace.equals(namespace)) {
                out.writeStartElement(retourPrefix, name, retourNamespace);
            } else {
                if (basisNamespace == null) {
                    basisNamespace = namespace;
                    basisPrefix = in.getPrefix();
                }
                out.writeStartElement(in.getPrefix(), name, namespace);
            }
            if (path.size() == 1) {
                out.writeNamespace(retourPrefix, retourNamespace);
                for (int i = 0; i < in.getNamespaceCount(); i++) {
                    if (!heenNamespace.equals(in.getNamespaceURI(i))) {
                        out.writeNamespace(in.getNamespacePrefix(i), in.getNamespaceURI(i));
                    }
                }
            }
        }

        private void text() throws XMLStreamException {
            if (skipping()) {
                return;
            }
            boolean berichtCode = path.size() == 3 && "BerichtCode".equals(path.peekLast().name());
            out.writeCharacters(berichtCode ? (in.isWhiteSpace() ? in.getText() : retourCode) : in.getText());
        }

        private void end() throws XMLStreamException {
            Frame frame = path.peekLast();
            if (skipping()) {
                if (path.size() == skipDepth) {
                    skipDepth = -1;
                }
                path.removeLast();
                return;
            }
            if (path.size() == 2 && "Header".equals(frame.name())) {
                writeHeaderAdditions();
            } else if (path.size() > 1 && CLASSES.contains(frame.name())) {
                writeRetourCodes(plan.codesFor(frame.path()));
            }
            out.writeEndElement();
            path.removeLast();
        }

        private boolean skipping() {
            return skipDepth > 0 && path.size() >= skipDepth;
        }

        private void writeHeaderAdditions() throws XMLStreamException {
            element("IdentificatieRetour", identificatieRetour);
            element("DagtekeningRetour", dagtekeningRetour.toString());
            if (xsltVersie != null) {
                element("XsltVersie", xsltVersie);
            }
            out.writeStartElement(retourPrefix, "XsdVersieRetour", retourNamespace);
            out.writeStartElement(basisPrefix, "BasisschemaXsdVersie", basisNamespace);
            out.writeCharacters(xsdVersieRetour[0]);
            out.writeEndElement();
            out.writeStartElement(basisPrefix, "BerichtXsdVersie", basisNamespace);
            out.writeCharacters(xsdVersieRetour[1]);
            out.writeEndElement();
            out.writeEndElement();
            if (!plan.headerCodes().isEmpty()) {
                writeRetourCodes(plan.headerCodes());
            }
        }

        private void writeRetourCodes(Iterable<String> codes) throws XMLStreamException {
            out.writeStartElement(retourPrefix, "RetourCodes", retourNamespace);
            for (String code : codes) {
                element("RetourCode", code);
            }
            out.writeEndElement();
        }

        private void element(String name, String value) throws XMLStreamException {
            out.writeStartElement(retourPrefix, name, retourNamespace);
            out.writeCharacters(value);
            out.writeEndElement();
        }
    }
}
