package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.retour.RetourBuilder;
import nl.berichtenpoort.retour.RetourPlan;

/**
 * The counterparty of an aanbieder gateway in a test: gemeente 0384 behind the VECOZO mailbox. It reads what the
 * gateway sent from its outbox and answers in its mailbox, the way the gemeente's software would: retours built by
 * the standard's instructions (accepted, or rejected at a chosen class with a chosen code), declaratie-antwoorden with
 * chosen prestaties rejected, toewijzingen and antwoordberichten that answer a request, or no answer at all.
 */
public final class GemeenteSimulator {

    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final RunningGateway gateway;
    private final RetourBuilder builder = new RetourBuilder();

    public GemeenteSimulator(RunningGateway gateway) {
        this.gateway = gateway;
    }

    /** Accepts the heenbericht: a retour with only the header and no RetourCodes. Returns the IdentificatieRetour. */
    public String accept(String heenType, String heenId) {
        return retour(heenType, heenId, RetourPlan.approved());
    }

    /** Rejects the whole heenbericht at message level: 0001 in the header. */
    public String rejectHeader(String heenType, String heenId) {
        return retour(heenType, heenId, new RetourPlan(List.of("0001"), false, Map.of()));
    }

    /** Rejects the first class with this name (Client, StartProduct, ...) with {@code code}; the others get 0200. */
    public String rejectClass(String heenType, String heenId, String className, String code) {
        MessageTree heen = MessageTree.parse(sent(heenType, heenId));
        String path = heen.descendants(className).get(0).path();
        return retour(heenType, heenId, new RetourPlan(List.of("0200"), true, Map.of(path, List.of(code))));
    }

    /**
     * Answers a declaratie (323) with a 325: every prestatie granted (8001), or the prestaties with these
     * ReferentieNummers rejected with {@code code}; with {@code wholeRejected} the header gets 0001.
     */
    public String declaratieAntwoord(String heenType, String heenId, Set<String> rejected, String code, boolean wholeRejected) {
        String declaratie = new String(sent(heenType, heenId), StandardCharsets.UTF_8);
        MessageTree tree = MessageTree.parse(declaratie.getBytes(StandardCharsets.UTF_8));
        String prefix = heenType.replaceAll("\\d", "").toLowerCase();
        String heen = prefix + "323";
        String p = prefix + "325";
        String basis = prefix.equals("wmo") ? "iwmo" : "ijw";
        MessageType type = REGISTRY.counterpartOf(REGISTRY.all().stream().filter(t -> t.name().equals(heenType)).findFirst().orElseThrow());
        String id = nextId();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + p + ":Bericht xmlns:" + p + "=\""
                + type.namespace() + "\" xmlns:" + basis + "=\"" + type.namespace().replace(p, "basisschema") + "\">\n<" + p + ":Header>"
                + el(p, "BerichtCode", type.berichtCode()) + el(p, "BerichtVersie", "3") + el(p, "BerichtSubversie", "2")
                + el(p, "Afzender", "0384") + el(p, "Ontvanger", "98025566")
                + "<" + p + ":BerichtIdentificatie>" + el(basis, "Identificatie", id) + el(basis, "Dagtekening", LocalDate.now().toString())
                + "</" + p + ":BerichtIdentificatie><" + p + ":XsdVersie>" + el(basis, "BasisschemaXsdVersie", "1.0.0")
                + el(basis, "BerichtXsdVersie", "1.0.0") + "</" + p + ":XsdVersie>"
                + "<" + p + ":DeclaratieIdentificatie>" + el(basis, "Identificatie", heenId)
                + el(basis, "Dagtekening", tree.text("Header/BerichtIdentificatie/Dagtekening")) + "</" + p + ":DeclaratieIdentificatie>"
                + "<" + p + ":XsdVersieDeclaratie>" + el(basis, "BasisschemaXsdVersie", "1.0.0") + el(basis, "BerichtXsdVersie", "1.0.0")
                + "</" + p + ":XsdVersieDeclaratie>" + codes(p, wholeRejected ? "0001" : "0200") + "</" + p + ":Header>\n");
        if (!wholeRejected) {
            long ingediend = Long.parseLong(tree.text("Declaratie/TotaalIngediendBedrag/TotaalBedrag"));
            long afgewezen = 0;
            StringBuilder clients = new StringBuilder();
            Matcher client = Pattern.compile("(?s)<" + heen + ":Client>(.*?)</" + heen + ":Client>").matcher(declaratie);
            while (client.find()) {
                StringBuilder prestaties = new StringBuilder();
                Matcher prestatie = Pattern.compile("(?s)<" + heen + ":Prestatie>(.*?)</" + heen + ":Prestatie>").matcher(client.group(1));
                while (prestatie.find()) {
                    MessageTree line = MessageTree.parse(("<x>" + prestatie.group(1).replaceAll("<(/?)[a-z0-9]+:", "<$1") + "</x>")
                            .getBytes(StandardCharsets.UTF_8));
                    if (rejected.contains(line.text("ProductReferentie/ReferentieNummer"))) {
                        afgewezen += Long.parseLong(line.text("IngediendBedrag/Bedrag"));
                        prestaties.append("<").append(p).append(":Prestatie>").append(prestatie.group(1).replace(heen + ":", p + ":"))
                                .append(codes(p, code)).append("</").append(p).append(":Prestatie>");
                    }
                }
                if (!prestaties.isEmpty()) {
                    String bsn = client.group(1).replaceAll("(?s).*<" + heen + ":Bsn>([^<]*)<.*", "$1");
                    clients.append("<").append(p).append(":Client>").append(el(p, "Bsn", bsn)).append("<").append(p).append(":Prestaties>")
                            .append(prestaties).append("</").append(p).append(":Prestaties>").append(codes(p, "0200")).append("</")
                            .append(p).append(":Client>");
                }
            }
            xml.append("<").append(p).append(":DeclaratieAntwoord>").append(el(p, "DeclaratieNummer", tree.text("Declaratie/DeclaratieNummer")))
                    .append(total(p, basis, "TotaalIngediendBedrag", ingediend)).append(total(p, basis, "TotaalToegekendBedrag", ingediend - afgewezen))
                    .append(clients.isEmpty() ? "" : "<" + p + ":Clienten>" + clients + "</" + p + ":Clienten>")
                    .append(codes(p, rejected.isEmpty() ? "8001" : "0200")).append("</").append(p).append(":DeclaratieAntwoord>\n");
        }
        xml.append("</").append(p).append(":Bericht>\n");
        deliver(p.toUpperCase() + "-" + id + ".xml", xml.toString().getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** Sends a toewijzing (301) that honours the request with this ReferentieAanbieder; returns its Identificatie. */
    public String toewijzing(String type, String referentieAanbieder) {
        String id = nextId();
        deliver(type + "-" + id + ".xml", Fixtures.withIdentity(type, id).replace("VOT-2025-0042", referentieAanbieder)
                .getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** Sends an antwoordbericht (319) to the request with this ReferentieAanbieder; returns its Identificatie. */
    public String antwoord(String type, String referentieAanbieder) {
        String id = nextId();
        deliver(type + "-" + id + ".xml", Fixtures.withIdentity(type, id).replace("VOW-2025-0007", referentieAanbieder)
                .getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private String retour(String heenType, String heenId, RetourPlan plan) {
        MessageType heen = REGISTRY.all().stream().filter(t -> t.name().equals(heenType)).findFirst().orElseThrow();
        MessageType retour = REGISTRY.counterpartOf(heen);
        String id = nextId();
        byte[] bytes = builder.build(sent(heenType, heenId), heen, retour, plan, id, LocalDate.now(), plan.approvesAll() ? null : "2.10.5",
                new String[] {"1.0.0", "1.0.0"});
        deliver(retour.name() + "-" + id + ".xml", bytes);
        return id;
    }

    /** What the gateway put in its outbox for the gemeente. */
    public byte[] sent(String type, String identificatie) {
        try {
            return Files.readAllBytes(gateway.vecozoUit().resolve(type + "_98025566_" + identificatie + ".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deliver(String name, byte[] bytes) {
        RunningGateway.drop(gateway.vecozoIn(), name, bytes);
    }

    private static String nextId() {
        return "GM" + System.currentTimeMillis() % 100_000 + "-" + SEQUENCE.incrementAndGet();
    }

    private static String el(String prefix, String name, String value) {
        return "<" + prefix + ":" + name + ">" + value + "</" + prefix + ":" + name + ">";
    }

    private static String codes(String prefix, String code) {
        return "<" + prefix + ":RetourCodes>" + el(prefix, "RetourCode", code) + "</" + prefix + ":RetourCodes>";
    }

    private static String total(String prefix, String basis, String name, long amount) {
        return "<" + prefix + ":" + name + ">" + el(basis, "TotaalBedrag", Long.toString(amount)) + el(basis, "DebetCredit", "D") + "</" + prefix + ":"
                + name + ">";
    }
}
