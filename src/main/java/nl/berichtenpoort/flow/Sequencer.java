package nl.berichtenpoort.flow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.MessageStore.Direction;
import nl.berichtenpoort.store.StoredMessage;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Keeps the order of messages about one client and toewijzing (OP080: the receiver may give no meaning to arrival
 * order, so the sender must not overtake itself; TR326, TR063, TR069): a stop (307) waits until the retour of its
 * start (305) is in, and so does a start with StatusAanlevering 3 that withdraws an earlier one. A waiting message
 * is released when the predecessor is accepted, and goes to afkeur when it is rejected (routes/vrijgeven.yaml).
 */
@Component("sequencer")
public class Sequencer {

    static final String FREE = "vrij";
    static final String WAIT = "wacht";
    static final String PREDECESSOR_REJECTED = "voorganger-afgekeurd";

    private static final Set<MessageState> PENDING = Set.of(MessageState.VERZONDEN, MessageState.RETOUR_TE_LAAT,
            MessageState.WACHT_OP_VOORGANGER, MessageState.ONTVANGEN);
    private static final Set<MessageState> REJECTED = Set.of(MessageState.AFGEKEURD, MessageState.AFGEKEURD_DOOR_DIENST);

    private final MessageStore store;
    private final boolean enabled;

    public Sequencer(MessageStore store, BerichtenpoortProperties properties) {
        this.store = store;
        this.enabled = properties.sequencing().enabled();
    }

    /** Before delivery: may this message go now, must it wait, or is it stopped by a rejected predecessor? */
    public void check(Exchange exchange) {
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        List<StoredMessage> predecessors = enabled ? findPredecessors(exchange, id) : List.of();
        predecessors.forEach(p -> store.addPredecessor(id, p.id()));
        decide(exchange, predecessors);
        if (WAIT.equals(exchange.getProperty(Flow.SEQUENCE))) {
            store.setState(id, MessageState.WACHT_OP_VOORGANGER, "waits for the retour of " + names(predecessors));
        }
    }

    /**
     * The waiting messages whose predecessors are all decided now (accepted or rejected), oldest first. Asked by the
     * one timer of routes/vrijgeven.yaml, so a message is never released twice.
     */
    public List<Long> releasable() {
        return store.inState(MessageState.WACHT_OP_VOORGANGER, Integer.MAX_VALUE).stream()
                .filter(waiting -> store.predecessors(waiting.id()).stream().noneMatch(p -> PENDING.contains(p.state())))
                .map(StoredMessage::id).sorted().toList();
    }

    /** Loads a waiting message (its store id is the body) to send it or put it in afkeur. */
    public void load(Exchange exchange) {
        long id = exchange.getIn().getBody(Long.class);
        StoredMessage waiting = store.findWithContent(id).orElseThrow();
        exchange.getIn().setBody(waiting.content());
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, waiting.fileName());
        exchange.setProperty(Flow.SOURCE, waiting.fileName());
        exchange.setProperty(Flow.STORE_ID, id);
        exchange.setProperty(Flow.DIRECTION, "uit");
        for (String property : List.of(Flow.AFKEUR, Flow.HEEN, Flow.HEEN_STATE, Flow.ACCEPTED)) {
            exchange.removeProperty(property);
        }
    }

    /** For a loaded waiting message: released, or stopped because a predecessor was rejected. */
    public void release(Exchange exchange) {
        decide(exchange, store.predecessors(exchange.getProperty(Flow.STORE_ID, Long.class)));
    }

    private void decide(Exchange exchange, List<StoredMessage> predecessors) {
        List<StoredMessage> rejected = predecessors.stream().filter(p -> REJECTED.contains(p.state())).toList();
        if (!rejected.isEmpty()) {
            MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
            MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
            exchange.setProperty(Flow.SEQUENCE, PREDECESSOR_REJECTED);
            exchange.setProperty(Flow.AFKEUR, new AfkeurEntry("VOORGANGER_AFGEKEURD", type.name() + " " + identity.identificatie()
                    + " is not sent: it follows " + names(rejected) + ", which " + (rejected.size() == 1 ? "was" : "were")
                    + " rejected" + rejected.stream().map(p -> p.retourCodes() == null ? "" : "\n" + p.retourCodes()).collect(Collectors.joining()),
                    Map.of("bericht.xml", MessageContent.of(exchange).readAll()), List.of(), exchange.getProperty(Flow.STORE_ID, Long.class),
                    Direction.UIT));
        } else if (predecessors.stream().anyMatch(p -> PENDING.contains(p.state()))) {
            exchange.setProperty(Flow.SEQUENCE, WAIT);
        } else {
            exchange.setProperty(Flow.SEQUENCE, FREE);
        }
    }

    /**
     * A stop follows the starts with its key; a start that withdraws (StatusAanlevering 3) follows the start it withdraws.
     * Once a start with the key is accepted, that start is the one followed: another one with the same key, sent again by
     * mistake and refused (TR074) or still under way, does not hold the stop back.
     */
    private List<StoredMessage> findPredecessors(Exchange exchange, long id) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        boolean stop = type.name().endsWith("307");
        if ((!stop && !type.name().endsWith("305")) || facts.clients().isEmpty()) {
            return List.of();
        }
        String client = facts.clients().get(0).key();
        String start = type.name().replace("307", "305");
        Set<StoredMessage> found = new LinkedHashSet<>();
        for (MessageFacts.ProductLine line : facts.productLines()) {
            if (stop || "3".equals(line.statusAanlevering())) {
                List<StoredMessage> starts = store.findByKey(Direction.UIT, List.of(start), identity.sender(), identity.receiver(),
                        ReferenceKind.PRODUCT, client + "|" + line.key()).stream().filter(p -> p.id() < id).toList();
                if (starts.stream().noneMatch(p -> p.state() == MessageState.GEACCEPTEERD)) {
                    starts.stream().filter(p -> PENDING.contains(p.state()) || REJECTED.contains(p.state())).forEach(found::add);
                }
            }
        }
        return List.copyOf(found);
    }

    private static String names(List<StoredMessage> messages) {
        return messages.stream().map(m -> m.berichttype() + " " + m.identificatie()).collect(Collectors.joining(", "));
    }
}
