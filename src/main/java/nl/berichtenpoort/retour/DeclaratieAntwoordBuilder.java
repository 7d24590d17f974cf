package nl.berichtenpoort.retour;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;

/**
 * Builds the declaratie-antwoord (325) to a declaratie (323) by the standard's instructions (IV087, TR342): a header of
 * its own that names the 323 (DeclaratieIdentificatie, XsdVersieDeclaratie) with 0200, or 0001 alone when the 323
 * broke a message-level rule; the DeclaratieAntwoord with the submitted total, the granted total and 8001 when all is
 * granted, 0200 when some prestaties are rejected (only those are listed, under their client, each with its codes), or
 * the Declaratie's own code with 0 granted. Works for both standards.
 */
public final class DeclaratieAntwoordBuilder {

    private static final XMLOutputFactory OUT = XMLOutputFactory.newDefaultFactory();
    private static final String NO_REMARKS = "0200";
    private static final String NOT_ASSESSED = "0233";
    private static final String FULLY_GRANTED = "8001";

    /**
     * @param xsltVersie the version of the rule checks that ran, or null when none ran
     * @param xsdVersie  BasisschemaXsdVersie and BerichtXsdVersie of the 325 schema
     */
    public byte[] build(byte[] declaratie, MessageType declaratieType, MessageType antwoordType, DeclaratieAntwoordPlan plan,
                        String identificatie, LocalDate dagtekening, String xsltVersie, String[] xsdVersie) {
        MessageTree in = MessageTree.parse(declaratie);
        String prefix = antwoordType.name().toLowerCase();
        String basisPrefix = antwoordType.standard().code();
        String basis = antwoordType.namespace().replace(prefix, "basisschema");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            XMLStreamWriter out = OUT.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            Writer w = new Writer(out, prefix, antwoordType.namespace(), basisPrefix, basis);
            out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            out.writeStartElement(prefix, "Bericht", antwoordType.namespace());
            out.writeNamespace(prefix, antwoordType.namespace());
            out.writeNamespace(basisPrefix, basis);
            header(w, in, antwoordType, plan, identificatie, dagtekening, xsltVersie, xsdVersie);
            if (plan.headerCodes().isEmpty()) {
                antwoord(w, in, plan);
            }
            out.writeEndElement();
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot build " + antwoordType.name() + " from " + declaratieType.name() + ": " + e.getMessage(), e);
        }
    }

    private static void header(Writer w, MessageTree in, MessageType antwoordType, DeclaratieAntwoordPlan plan, String identificatie,
                               LocalDate dagtekening, String xsltVersie, String[] xsdVersie) throws XMLStreamException {
        MessageTree header = in.first("Header").orElseThrow();
        w.open("Header");
        w.element("BerichtCode", antwoordType.berichtCode());
        w.element("BerichtVersie", header.text("BerichtVersie"));
        w.element("BerichtSubversie", header.text("BerichtSubversie"));
        w.element("Afzender", header.text("Ontvanger"));
        w.element("Ontvanger", header.text("Afzender"));
        w.open("BerichtIdentificatie").basis("Identificatie", identificatie).basis("Dagtekening", dagtekening.toString()).close();
        w.open("XsdVersie").basis("BasisschemaXsdVersie", xsdVersie[0]).basis("BerichtXsdVersie", xsdVersie[1]).close();
        w.open("DeclaratieIdentificatie").basis("Identificatie", header.text("BerichtIdentificatie/Identificatie"))
                .basis("Dagtekening", header.text("BerichtIdentificatie/Dagtekening")).close();
        if (xsltVersie != null) {
            w.element("XsltVersie", xsltVersie);
        }
        w.open("XsdVersieDeclaratie").basis("BasisschemaXsdVersie", header.text("XsdVersie/BasisschemaXsdVersie"))
                .basis("BerichtXsdVersie", header.text("XsdVersie/BerichtXsdVersie")).close();
        w.codes(plan.headerCodes().isEmpty() ? List.of(NO_REMARKS) : plan.headerCodes());
        w.close();
    }

    private static void antwoord(Writer w, MessageTree in, DeclaratieAntwoordPlan plan) throws XMLStreamException {
        MessageTree declaratie = in.first("Declaratie").orElseThrow();
        List<String> declaratieCodes = plan.classCodes().get(DeclaratieAntwoordPlan.DECLARATIE);
        long rejected = 0;
        w.open("DeclaratieAntwoord");
        w.element("DeclaratieNummer", declaratie.text("DeclaratieNummer"));
        copy(w, declaratie.first("TotaalIngediendBedrag").orElseThrow(), 0);
        List<MessageTree> listed = declaratieCodes != null ? List.of() : declaratie.all("Clienten/Client").stream()
                .filter(client -> plan.classCodes().keySet().stream().anyMatch(path -> path.startsWith(client.path() + "/")
                        || path.equals(client.path()))).toList();
        for (MessageTree client : listed) {
            for (MessageTree prestatie : rejectedPrestaties(client, plan)) {
                rejected += signed(prestatie.text("IngediendBedrag/Bedrag"), prestatie.text("IngediendBedrag/DebetCredit"));
            }
        }
        long submitted = signed(declaratie.text("TotaalIngediendBedrag/TotaalBedrag"), declaratie.text("TotaalIngediendBedrag/DebetCredit"));
        long granted = declaratieCodes != null ? 0 : submitted - rejected;
        w.open("TotaalToegekendBedrag").basis("TotaalBedrag", Long.toString(Math.abs(granted))).basis("DebetCredit", granted < 0 ? "C" : "D")
                .close();
        if (!listed.isEmpty()) {
            w.open("Clienten");
            for (MessageTree client : listed) {
                List<String> clientCodes = plan.classCodes().get(client.path());
                w.open("Client").element("Bsn", client.text("Bsn")).open("Prestaties");
                for (MessageTree prestatie : rejectedPrestaties(client, plan)) {
                    w.open("Prestatie");
                    for (MessageTree child : prestatie.children()) {
                        copy(w, child, 0);
                    }
                    w.codes(plan.classCodes().getOrDefault(prestatie.path(), List.of(NOT_ASSESSED)));
                    w.close();
                }
                w.close().codes(clientCodes != null ? clientCodes : List.of(NO_REMARKS)).close();
            }
            w.close();
        }
        w.codes(declaratieCodes != null ? declaratieCodes : listed.isEmpty() ? List.of(FULLY_GRANTED) : List.of(NO_REMARKS));
        w.close();
    }

    /** The prestaties of a client that are rejected: all of them when the client itself is. */
    private static List<MessageTree> rejectedPrestaties(MessageTree client, DeclaratieAntwoordPlan plan) {
        boolean clientRejected = plan.classCodes().containsKey(client.path());
        return client.all("Prestaties/Prestatie").stream().filter(p -> clientRejected || plan.classCodes().containsKey(p.path())).toList();
    }

    /** Copies an element of the 323 body: its own level in the message namespace, what is below in the basisschema. */
    private static void copy(Writer w, MessageTree node, int depth) throws XMLStreamException {
        if (node.children().isEmpty()) {
            if (depth == 0) {
                w.element(node.name(), node.text());
            } else {
                w.basis(node.name(), node.text());
            }
            return;
        }
        if (depth == 0) {
            w.open(node.name());
        } else {
            w.basisOpen(node.name());
        }
        for (MessageTree child : node.children()) {
            copy(w, child, depth + 1);
        }
        w.close();
    }

    private static long signed(String amount, String debetCredit) {
        long value = Long.parseLong(amount);
        return "C".equals(debetCredit) ? -value : value;
    }

    /** Writes elements of the 325 namespace and of its basisschema. */
    private record Writer(XMLStreamWriter out, String prefix, String namespace, String basisPrefix, String basis) {

        Writer open(String name) throws XMLStreamException {
            out.writeStartElement(prefix, name, namespace);
            return this;
        }

        Writer basisOpen(String name) throws XMLStreamException {
            out.writeStartElement(basisPrefix, name, basis);
            return this;
        }

        Writer element(String name, String value) throws XMLStreamException {
            out.writeStartElement(prefix, name, namespace);
            out.writeCharacters(value);
            out.writeEndElement();
            return this;
        }

        Writer basis(String name, String value) throws XMLStreamException {
            out.writeStartElement(basisPrefix, name, basis);
            out.writeCharacters(value);
            out.writeEndElement();
            return this;
        }

        Writer close() throws XMLStreamException {
            out.writeEndElement();
            return this;
        }

        Writer codes(List<String> codes) throws XMLStreamException {
            open("RetourCodes");
            for (String code : codes) {
                element("RetourCode", code);
            }
            return close();
        }
    }
}
