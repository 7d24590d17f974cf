package nl.berichtenpoort.testsupport.groenevink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.retour.DeclaratieAntwoordBuilder;
import nl.berichtenpoort.retour.DeclaratieAntwoordPlan;
import nl.berichtenpoort.retour.RetourBuilder;
import nl.berichtenpoort.retour.RetourPlan;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Aanvraag;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Omvang;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Prestatie;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Start;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stap;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Stop;
import nl.berichtenpoort.testsupport.groenevink.Scenario.Toewijzing;

/**
 * Writes the 3.2 message of a scenario step as its sender's back office would export it: the header with the step's
 * Identificatie and Dagtekening, the client as the scenario gives it, and the body of the message type, element by
 * element in the order of the schema.
 */
public final class ScenarioMessages {

    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));

    private ScenarioMessages() {
    }

    public static byte[] of(Scenario scenario, Stap stap) {
        return of(scenario, stap, stap.identificatie());
    }

    /**
     * The receiving party's retour that accepts a step's message, dated the day after it: a header without RetourCodes,
     * or for a declaratie the 325 that grants it all.
     */
    public static byte[] acceptance(Scenario scenario, Stap stap, byte[] message, String identificatie) {
        MessageType heen = typeOf(scenario, stap);
        MessageType retour = REGISTRY.counterpartOf(heen);
        String[] versie = {"1.0.0", "1.0.0"};
        LocalDate dagtekening = stap.dagtekening().plusDays(1);
        return stap.bericht().equals("323")
                ? new DeclaratieAntwoordBuilder().build(message, heen, retour, DeclaratieAntwoordPlan.approved(), identificatie, dagtekening, null, versie)
                : new RetourBuilder().build(message, heen, retour, RetourPlan.approved(), identificatie, dagtekening, null, versie);
    }

    /** The message of a step under another Identificatie. */
    public static byte[] of(Scenario scenario, Stap stap, String identificatie) {
        MessageType type = typeOf(scenario, stap);
        Xml xml = new Xml(type, scenario.isWmo() ? "iwmo" : "ijw");
        xml.open("Header");
        xml.el("BerichtCode", type.berichtCode()).el("BerichtVersie", "3").el("BerichtSubversie", "2")
                .el("Afzender", scenario.afzender(stap)).el("Ontvanger", scenario.ontvanger(stap));
        xml.open("BerichtIdentificatie").basis("Identificatie", identificatie).basis("Dagtekening", stap.dagtekening()).close();
        xml.open("XsdVersie").basis("BasisschemaXsdVersie", "1.0.0").basis("BerichtXsdVersie", "1.0.0").close();
        xml.close();
        switch (stap.bericht()) {
            case "301" -> toewijzing(xml, scenario, stap);
            case "305" -> start(xml, scenario, stap);
            case "307" -> stop(xml, scenario, stap);
            case "315" -> verzoek(xml, scenario, stap);
            case "323" -> declaratie(xml, scenario, stap);
            default -> throw new IllegalArgumentException("a scenario step sends 301, 305, 307, 315 or 323, not " + stap.bericht());
        }
        return xml.done();
    }

    private static MessageType typeOf(Scenario scenario, Stap stap) {
        return REGISTRY.all().stream().filter(t -> t.name().equals(scenario.type(stap)) && t.release().equals("3.2")).findFirst().orElseThrow();
    }

    private static void toewijzing(Xml xml, Scenario scenario, Stap stap) {
        Scenario.Client client = scenario.client();
        xml.open("Client").el("Bsn", client.bsn());
        xml.open("Geboortedatum").basis("Datum", client.geboortedatum()).basis("DatumGebruik", "1").close();
        xml.el("Geslacht", client.geslacht());
        xml.open("Naam");
        geslachtsnaam(xml, client);
        xml.basis("Voornamen", client.voornamen()).basis("Voorletters", client.voorletters()).basis("NaamGebruik", "1").close();
        xml.open("Contactgegevens").open("Contact").el("Soort", "01").open("Adres");
        xml.basisOpen("Huis").basis("Huisnummer", Integer.toString(client.adres().huisnummer())).close();
        xml.basis("Postcode", client.adres().postcode()).basis("Straatnaam", client.adres().straatnaam())
                .basis("Plaatsnaam", client.adres().plaatsnaam()).basis("LandCode", "NL").close();
        if (client.telefoon() != null) {
            xml.open("Telefoon").basisOpen("Telefoon01").basis("Telefoonnummer", client.telefoon()).basis("Landnummer", "0031").close().close();
        }
        xml.el("Emailadres", client.email()).close().close();
        xml.open("ToegewezenProducten");
        for (Toewijzing toewijzing : stap.toewijzingen()) {
            xml.open("ToegewezenProduct").el("ToewijzingNummer", Long.toString(toewijzing.nummer()))
                    .el("ReferentieAanbieder", toewijzing.referentieAanbieder());
            product(xml, toewijzing.categorie(), toewijzing.code());
            xml.el("Toewijzingsdatum", toewijzing.toewijzingsdatum()).el("Toewijzingstijd", toewijzing.toewijzingstijd().toString())
                    .el("Ingangsdatum", toewijzing.ingangsdatum()).el("Einddatum", toewijzing.einddatum())
                    .el("RedenWijziging", toewijzing.redenWijziging());
            omvang(xml, toewijzing.omvang());
            xml.close();
        }
        xml.close().close();
    }

    private static void start(Xml xml, Scenario scenario, Stap stap) {
        verkorteClient(xml, scenario);
        xml.open("StartProducten");
        for (Start start : stap.starts()) {
            xml.open("StartProduct").el("ToewijzingNummer", start.toewijzingNummer() == null ? null : start.toewijzingNummer().toString());
            product(xml, start.categorie(), start.code());
            xml.el("ToewijzingIngangsdatum", start.toewijzingIngangsdatum()).el("Begindatum", start.begindatum())
                    .el("StatusAanlevering", "1").close();
        }
        xml.close().close();
    }

    private static void stop(Xml xml, Scenario scenario, Stap stap) {
        verkorteClient(xml, scenario);
        xml.open("StopProducten");
        for (Stop stop : stap.stops()) {
            xml.open("StopProduct").el("ToewijzingNummer", stop.toewijzingNummer() == null ? null : stop.toewijzingNummer().toString());
            product(xml, stop.categorie(), stop.code());
            xml.el("ToewijzingIngangsdatum", stop.toewijzingIngangsdatum()).el("Begindatum", stop.begindatum())
                    .el("RedenBeeindiging", stop.redenBeeindiging()).el("Einddatum", stop.einddatum()).el("StatusAanlevering", "1").close();
        }
        xml.close().close();
    }

    private static void verzoek(Xml xml, Scenario scenario, Stap stap) {
        verkorteClient(xml, scenario);
        xml.open("AangevraagdeProducten");
        for (Aanvraag aanvraag : stap.aanvragen()) {
            xml.open("AangevraagdProduct").el("ReferentieAanbieder", aanvraag.referentieAanbieder());
            product(xml, aanvraag.categorie(), aanvraag.code());
            xml.el("ToewijzingIngangsdatum", aanvraag.toewijzingIngangsdatum());
            omvang(xml, aanvraag.omvang());
            xml.open("Verwijzer").basis("Type", aanvraag.verwijzer().type()).basis("Naam", aanvraag.verwijzer().naam())
                    .basis("ZorgverlenerCode", aanvraag.verwijzer().zorgverlenerCode()).close();
            xml.close();
        }
        xml.close().close();
    }

    private static void declaratie(Xml xml, Scenario scenario, Stap stap) {
        Scenario.Declaratie declaratie = stap.declaratie();
        long totaal = declaratie.prestaties().stream().mapToLong(Prestatie::bedrag).sum();
        xml.open("Declaratie").el("DeclaratieNummer", declaratie.nummer());
        xml.open("DeclaratiePeriode").basis("Begindatum", declaratie.begindatum()).basis("Einddatum", declaratie.einddatum()).close();
        xml.el("DeclaratieDagtekening", stap.dagtekening());
        xml.open("TotaalIngediendBedrag").basis("TotaalBedrag", Long.toString(totaal)).basis("DebetCredit", "D").close();
        xml.open("Clienten").open("Client").el("Bsn", scenario.client().bsn()).open("Prestaties");
        for (Prestatie prestatie : declaratie.prestaties()) {
            xml.open("Prestatie").open("ProductReferentie").basis("ReferentieNummer", prestatie.referentieNummer()).close();
            xml.el("ToewijzingNummer", Long.toString(prestatie.toewijzingNummer())).el("ProductCategorie", prestatie.categorie())
                    .el("ProductCode", prestatie.code());
            xml.open("ProductPeriode").basis("Begindatum", prestatie.begindatum()).basis("Einddatum", prestatie.einddatum()).close();
            xml.el("GeleverdVolume", Long.toString(prestatie.volume())).el("Eenheid", prestatie.eenheid())
                    .el("ProductTarief", prestatie.tarief() == null ? null : prestatie.tarief().toString());
            xml.open("IngediendBedrag").basis("Bedrag", Long.toString(prestatie.bedrag())).basis("DebetCredit", "D").close();
            xml.close();
        }
        xml.close().close().close().close();
    }

    private static void verkorteClient(Xml xml, Scenario scenario) {
        Scenario.Client client = scenario.client();
        xml.open("Client").el("Bsn", client.bsn());
        xml.open("Geboortedatum").basis("Datum", client.geboortedatum()).basis("DatumGebruik", "1").close();
        xml.el("Geslacht", client.geslacht());
        xml.open("Naam");
        geslachtsnaam(xml, client);
        xml.basis("Voornamen", client.voornamen()).basis("Voorletters", client.voorletters()).close();
    }

    private static void geslachtsnaam(Xml xml, Scenario.Client client) {
        xml.basisOpen("Geslachtsnaam").basis("Achternaam", client.achternaam()).basis("Voorvoegsel", client.voorvoegsel()).close();
    }

    private static void product(Xml xml, String categorie, String code) {
        if (categorie != null) {
            xml.open("Product").basis("Categorie", categorie).basis("Code", code).close();
        }
    }

    private static void omvang(Xml xml, Omvang omvang) {
        if (omvang != null) {
            xml.open("Omvang").basis("Volume", Long.toString(omvang.volume())).basis("Eenheid", omvang.eenheid())
                    .basis("Frequentie", omvang.frequentie()).close();
        }
    }

    /** XML text with the standard's prefixes (wmo305: and iwmo:, jw305: and ijw:); an element without value is left out. */
    private static final class Xml {

        private final StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        private final Deque<String> open = new ArrayDeque<>();
        private final String prefix;
        private final String basis;

        Xml(MessageType type, String basis) {
            this.prefix = type.name().toLowerCase();
            this.basis = basis;
            text.append('<').append(prefix).append(":Bericht xmlns:").append(prefix).append("=\"").append(type.namespace()).append("\" xmlns:")
                    .append(basis).append("=\"").append(type.namespace().replace(prefix, "basisschema")).append("\">");
            open.push(prefix + ":Bericht");
        }

        Xml open(String name) {
            return openQualified(prefix + ":" + name);
        }

        Xml basisOpen(String name) {
            return openQualified(basis + ":" + name);
        }

        Xml el(String name, Object value) {
            return value == null ? this : write(prefix + ":" + name, value);
        }

        Xml basis(String name, Object value) {
            return value == null ? this : write(basis + ":" + name, value);
        }

        Xml close() {
            text.append("</").append(open.pop()).append('>');
            return this;
        }

        byte[] done() {
            while (!open.isEmpty()) {
                close();
            }
            return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }

        private Xml openQualified(String name) {
            text.append('<').append(name).append('>');
            open.push(name);
            return this;
        }

        private Xml write(String name, Object value) {
            String content = value instanceof LocalDate date ? date.toString() : value.toString();
            text.append('<').append(name).append('>').append(content.replace("&", "&amp;").replace("<", "&lt;")).append("</").append(name)
                    .append('>');
            return this;
        }
    }
}
