package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.retour.DeclaratieAntwoordBuilder;
import nl.berichtenpoort.retour.DeclaratieAntwoordPlan;
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

    private final Path outbox;
    private final Path mailbox;
    private final RetourBuilder builder = new RetourBuilder();

    public GemeenteSimulator(RunningGateway gateway) {
        this(gateway.vecozoUit(), gateway.vecozoIn());
    }

    /** The gemeente reading the gateway's VECOZO {@code outbox} and answering in its VECOZO {@code mailbox}. */
    public GemeenteSimulator(Path outbox, Path mailbox) {
        this.outbox = outbox;
        this.mailbox = mailbox;
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
        byte[] declaratie = sent(heenType, heenId);
        MessageType heen = REGISTRY.all().stream().filter(t -> t.name().equals(heenType)).findFirst().orElseThrow();
        MessageType antwoord = REGISTRY.counterpartOf(heen);
        Map<String, List<String>> codes = new HashMap<>();
        for (MessageTree prestatie : MessageTree.parse(declaratie).all("Declaratie/Clienten/Client/Prestaties/Prestatie")) {
            if (rejected.contains(prestatie.text("ProductReferentie/ReferentieNummer"))) {
                codes.put(prestatie.path(), List.of(code));
            }
        }
        DeclaratieAntwoordPlan plan = new DeclaratieAntwoordPlan(wholeRejected ? List.of("0001") : List.of(), codes);
        String id = nextId();
        deliver(antwoord.name() + "-" + id + ".xml", new DeclaratieAntwoordBuilder().build(declaratie, heen, antwoord, plan, id,
                LocalDate.now(), wholeRejected ? "2.10.5" : null, new String[] {"1.0.0", "1.0.0"}));
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
            return Files.readAllBytes(outbox.resolve(type + "_98025566_" + identificatie + ".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deliver(String name, byte[] bytes) {
        RunningGateway.drop(mailbox, name, bytes);
    }

    private static String nextId() {
        return "GM" + System.currentTimeMillis() % 100_000 + "-" + SEQUENCE.incrementAndGet();
    }
}
