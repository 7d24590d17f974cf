package nl.berichtenpoort.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.rules.StartStopRules;
import nl.berichtenpoort.rules.ToewijzingRules;
import nl.berichtenpoort.store.Deadline;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.Leveringen;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore.Direction;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import nl.berichtenpoort.store.Toewijzingen;
import nl.berichtenpoort.store.VspReferences;
import nl.berichtenpoort.validation.Problem;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Ties messages together. A retour to the heenbericht it answers by (heen type, sender, Identificatie, Dagtekening),
 * and over the VSP also by AlsAntwoordOp (the TraceerId of that heenbericht);
 * a 325 to its 323 also by DeclaratieNummer. A toewijzing (301) or antwoordbericht (319) to the request (315, 317) it
 * answers by ReferentieAanbieder. A retour that answers nothing this gateway sent goes to afkeur as "onbekende
 * heenbericht", never lost.
 */
@Component("correlate")
public class Correlator {

    private final MessageStore store;
    private final MessageTypeRegistry registry;
    private final Deadlines deadlines;
    private final Toewijzingen toewijzingen;
    private final ClientKeys clientKeys;
    private final Leveringen leveringen;

    public Correlator(MessageStore store, MessageTypeRegistry registry, Deadlines deadlines, Toewijzingen toewijzingen,
                      ClientKeys clientKeys, Leveringen leveringen) {
        this.store = store;
        this.registry = registry;
        this.deadlines = deadlines;
        this.toewijzingen = toewijzingen;
        this.clientKeys = clientKeys;
        this.leveringen = leveringen;
    }

    /** Finds the heenbericht of a retour; sets {@link Flow#HEEN}, or an afkeur entry when there is none. */
    public void retour(Exchange exchange) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        MessageType heenType = registry.counterpartOf(type);
        Optional<StoredMessage> heen = store.find(Direction.UIT, heenType.name(), identity.receiver(), identity.answers(), identity.answersDate())
                .filter(found -> sameDeclaratie(found, facts));
        String answers = type.name() + " " + identity.identificatie() + " from " + identity.sender() + " answers " + heenType.name() + " "
                + identity.answers() + " (Dagtekening " + identity.answersDate() + ")";
        Optional<String> mismatch = heen.flatMap(found -> transportMismatch(exchange, found));
        if (heen.isPresent() && mismatch.isEmpty()) {
            exchange.setProperty(Flow.HEEN, heen.get());
            store.linkAnswer(exchange.getProperty(Flow.STORE_ID, Long.class), heen.get().id());
            return;
        }
        MessageContent content = MessageContent.of(exchange);
        exchange.setProperty(Flow.AFKEUR, new AfkeurEntry("ONBEKENDE_HEENBERICHT", answers + ": onbekende heenbericht; "
                + mismatch.orElse("this gateway never sent that message to " + identity.sender()),
                Map.of("retour.xml", content.readAll()), facts.retourCodes(), exchange.getProperty(Flow.STORE_ID, Long.class), Direction.IN));
    }

    /**
     * A retour the back office drops (the gemeente's 325) must answer a heenbericht this gateway received and nobody
     * answered yet, so that a declaratie never gets two answers; it then decides that heenbericht's state once sent.
     */
    public void answer(Exchange exchange) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        if (!type.isRetour()) {
            return;
        }
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        MessageType heenType = registry.counterpartOf(type);
        String answers = type.name() + " " + identity.identificatie() + " answers " + heenType.name() + " " + identity.answers()
                + " (Dagtekening " + identity.answersDate() + ") of " + identity.receiver();
        StoredMessage heen = store.find(Direction.IN, heenType.name(), identity.receiver(), identity.answers(), identity.answersDate())
                .filter(found -> sameDeclaratie(found, facts))
                .orElseThrow(() -> refused(exchange, answers + ", which this gateway never received"));
        Optional<StoredMessage> earlier = store.answersTo(heen.id(), Direction.UIT).stream()
                .filter(answer -> answer.id() != id && answer.state() != MessageState.FOUT).findFirst();
        if (earlier.isPresent()) {
            throw refused(exchange, answers + ", which " + earlier.get().berichttype() + " " + earlier.get().identificatie()
                    + " answered already");
        }
        store.linkAnswer(id, heen.id());
        exchange.setProperty(Flow.HEEN, heen);
        exchange.setProperty(Flow.HEEN_STATE, RetourStatus.heenState(type, facts));
    }

    private static RefusedMessageException refused(Exchange exchange, String reason) {
        return RefusedMessageException.of(Problem.NO_HEENBERICHT, exchange, reason);
    }

    /**
     * Over the VSP a retour also names its heenbericht by TraceerId (AlsAntwoordOp); when it does and we sent that
     * heenbericht over the VSP, it must be the message its header names, or the retour is not trusted to decide anything.
     */
    private Optional<String> transportMismatch(Exchange exchange, StoredMessage heen) {
        VspReferences transport = exchange.getProperty(Flow.VSP_REFERENCES, VspReferences.class);
        if (transport == null || transport.alsAntwoordOp() == null) {
            return Optional.empty();
        }
        return store.vspReferences(heen.id()).map(VspReferences::traceerId).filter(traceerId -> !traceerId.equals(transport.alsAntwoordOp()))
                .map(traceerId -> "its AlsAntwoordOp " + transport.alsAntwoordOp() + " is not the TraceerId of that message (" + traceerId + ")");
    }

    /** A 325 names its 323 also by DeclaratieNummer; a 325 without DeclaratieAntwoord has only its header to go by. */
    private boolean sameDeclaratie(StoredMessage heen, MessageFacts facts) {
        Set<String> numbers = facts.references(ReferenceKind.DECLARATIENUMMER);
        return numbers.isEmpty() || store.keys(heen.id(), ReferenceKind.DECLARATIENUMMER).containsAll(numbers);
    }

    /**
     * What an accepted heenbericht settles: a toewijzing or antwoordbericht answers requests (OP274, OP346) and its
     * toewijzingen are remembered for TR332; a start or stop is what later starts and stops are checked against.
     */
    public void honoured(Exchange exchange) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        String prefix = type.name().replaceAll("\\d", "");
        for (String referentie : facts.references(ReferenceKind.REFERENTIE_AANBIEDER)) {
            for (StoredMessage request : store.findByKey(Direction.UIT, List.of(prefix + "315", prefix + "317"), identity.receiver(),
                    identity.sender(), ReferenceKind.REFERENTIE_AANBIEDER, referentie)) {
                deadlines.fulfil(request.id(), Deadline.Kind.ANTWOORD, id);
            }
        }
        if (type.name().endsWith("305") || type.name().endsWith("307")) {
            registerDelivery(exchange.getProperty(Flow.TREE, MessageTree.class), type, identity, id);
        }
        if (type.name().endsWith("301")) {
            MessageTree message = exchange.getProperty(Flow.TREE, MessageTree.class);
            String client = clientKeys.of(message.text("Client/Bsn"));
            for (MessageTree product : message.all("Client/ToegewezenProducten/ToegewezenProduct")) {
                toewijzingen.remember(type.standard().code(), identity.sender(), Long.parseLong(product.text("ToewijzingNummer")), client,
                        ToewijzingRules.product(product), id);
            }
        }
    }

    /** The starts and stops a gemeente accepted: a new line is kept, a withdrawn one (StatusAanlevering 3) marked. */
    private void registerDelivery(MessageTree message, MessageType type, MessageIdentity identity, long messageId) {
        Leveringen.Partij partij = new Leveringen.Partij(type.standard().code(), identity.receiver(), identity.sender(),
                clientKeys.of(message.text("Client/Bsn")));
        boolean start = type.name().endsWith("305");
        for (MessageTree node : message.all(start ? "Client/StartProducten/StartProduct" : "Client/StopProducten/StopProduct")) {
            StartStopRules.Line line = StartStopRules.Line.of(node);
            Leveringen.Soort soort = start ? Leveringen.Soort.START : Leveringen.Soort.STOP;
            if (line.withdraws()) {
                leveringen.current(partij).stream().filter(l -> l.soort() == soort && (start ? line.sameStart(l) : line.sameStop(l)))
                        .forEach(l -> leveringen.withdraw(l.id()));
            } else {
                leveringen.add(partij, soort, line.nummer(), line.product(), line.begindatum(), start ? null : line.reden(), line.einddatum(),
                        messageId);
            }
        }
    }
}
