package nl.berichtenpoort.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.berichtenpoort.audit.Audit;
import nl.berichtenpoort.deadline.DeadlinePolicy;
import nl.berichtenpoort.message.ClientRef;
import nl.berichtenpoort.message.MessageFacts;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.store.Deadline;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.MessageStore.Direction;
import nl.berichtenpoort.store.Registration;
import nl.berichtenpoort.store.StoredMessage;
import nl.berichtenpoort.store.VspReferences;
import nl.berichtenpoort.validation.Problem;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each message in the store before it is passed on, with its clients (as client keys) and references, and
 * moves it through its states. Enforces "never twice": the same message again is not passed on a second time
 * unless its earlier attempt did not finish. Outbound, another message under a used Identificatie is refused (TR056);
 * inbound, it is recorded so that our retour can reject it. Each step writes its rows in one store transaction: one
 * commit per step instead of one per row (H2 writes a chunk per commit: half the poller's time went there).
 */
@Component("ledger")
public class Ledger {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Amsterdam"));
    private static final List<MessageState> UNFINISHED = List.of(MessageState.ONTVANGEN, MessageState.FOUT);

    private final MessageStore store;
    private final Deadlines deadlines;
    private final DeadlinePolicy policy;
    private final Audit audit;
    private final Correlator correlator;
    private final Clock clock;
    private final Set<Long> underWay = ConcurrentHashMap.newKeySet();

    public Ledger(MessageStore store, Deadlines deadlines, DeadlinePolicy policy, Audit audit, Correlator correlator, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.policy = policy;
        this.audit = audit;
        this.correlator = correlator;
        this.clock = clock;
    }

    /** Outbound, before delivery to VECOZO. */
    @Transactional
    public void outbound(Exchange exchange) {
        Registration registration = register(exchange, Direction.UIT, false);
        StoredMessage stored = registration.stored();
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        switch (registration.outcome()) {
            case NEW, NEW_UNDER_USED_KEY -> {
                remember(exchange, stored.id());
                underWay(exchange, stored.id());
            }
            case SAME_AGAIN -> {
                if (sameFileAgain(exchange, stored)) {
                    return;
                }
                String taken = "this " + type.name() + " (Identificatie " + identity.identificatie() + " of " + identity.sender()
                        + ") was taken on before, on " + WHEN.format(stored.created()) + " as file " + stored.fileName();
                if (!UNFINISHED.contains(stored.state())) {
                    throw duplicate(exchange, taken + ", and is " + stored.state() + "; it is not passed on again");
                }
                if (!underWay(exchange, stored.id())) {
                    throw duplicate(exchange, taken + ", and is on its way to VECOZO now; it is not passed on again");
                }
                exchange.setProperty(Flow.STORE_ID, stored.id());
            }
            case CONFLICT -> throw duplicate(exchange, "Identificatie " + identity.identificatie() + " is already used for "
                    + type.name() + " by " + identity.sender() + " (file " + stored.fileName() + ", " + WHEN.format(stored.created())
                    + ") with other content; the receiver would refuse it with RetourCode 9056, so it is not sent: give it a new Identificatie");
        }
        Long answers = exchange.getProperty(Flow.ANSWERS_ID, Long.class);
        if (answers != null) {
            store.linkAnswer(stored.id(), answers);
        }
    }

    /**
     * Marks an outbound message as under way in this process until its exchange is done. A copy recorded meanwhile finds
     * it still ONTVANGEN, as an attempt a crash left unfinished would be (its sent state is written in a group a moment
     * later, see GroupCommit); without this mark it would be sent a second time. A crash forgets the marks, so a message
     * left unfinished is still taken up again after a restart.
     */
    private boolean underWay(Exchange exchange, long id) {
        if (!underWay.add(id)) {
            return false;
        }
        // completions run last added first: the mark is gone before the EPD file is released to be read again
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                underWay.remove(id);
            }
        });
        return true;
    }

    /** Inbound, before anything is decided. A message pulled from the VSP keeps its TraceerId and ConversatieId. */
    @Transactional
    public void inbound(Exchange exchange) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        Registration registration = register(exchange, Direction.IN, !type.isRetour());
        StoredMessage stored = registration.stored();
        switch (registration.outcome()) {
            case NEW, NEW_UNDER_USED_KEY -> remember(exchange, stored.id());
            case SAME_AGAIN -> {
                if (sameFileAgain(exchange, stored)) {
                    return;
                }
                if (!UNFINISHED.contains(stored.state())) {
                    throw duplicate(exchange, "this " + type.name() + " was received before, on " + WHEN.format(stored.created())
                            + " as file " + stored.fileName() + ", and is " + stored.state() + "; it is not processed again");
                }
                exchange.setProperty(Flow.STORE_ID, stored.id());
            }
            case CONFLICT -> throw duplicate(exchange, "Identificatie " + stored.identificatie() + " of " + stored.afzender()
                    + " is already used for another " + type.name() + " (file " + stored.fileName() + ")");
        }
        VspReferences references = exchange.getProperty(Flow.VSP_REFERENCES, VspReferences.class);
        if (references != null) {
            store.setVspReferences(stored.id(), references);
        }
    }

    /**
     * Sent to VECOZO: a heenbericht now waits for its retour (and a request for its answer) within the deadlines; a
     * retour of the back office settles the heenbericht it answers (see {@link Correlator#answer}). The audit events the
     * exchange recorded (verzonden with the steps before it) are written in the same transaction.
     */
    @Transactional
    public void sent(Exchange exchange) {
        audit.writeRecorded(exchange);
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        store.setState(id, MessageState.VERZONDEN, null);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        openDeadlines(id, type);
        StoredMessage heen = exchange.getProperty(Flow.HEEN, StoredMessage.class);
        if (heen != null) {
            settle(exchange, heen, id);
        }
    }

    /** An inbound message handed to the EPD. */
    public void delivered(Exchange exchange) {
        store.setState(exchange.getProperty(Flow.STORE_ID, Long.class), MessageState.AFGELEVERD, null);
    }

    /**
     * A received heenbericht our checks accepted, now in the EPD's folder: its judgement, what it answers and establishes
     * ({@link Correlator#honoured}: requests answered, toewijzingen and leveringen remembered) and the afgeleverd event,
     * in one store transaction. A crash or failure in between leaves none of it and the message unfinished, to be
     * handed over again, instead of judged with its toewijzingen never remembered.
     */
    @Transactional
    public void handedOver(Exchange exchange) {
        judged(exchange);
        correlator.honoured(exchange);
        audit.afgeleverd(exchange);
    }

    /**
     * A received heenbericht judged by our own checks (its retour is on its way). A declaratie our 325 refuses in part or
     * as a whole is DEELS_TOEGEKEND or AFGEWEZEN; one that passes goes to the back office (AFGELEVERD), which owes its
     * 325 within the deadline (OP090x4) and decides the state with it.
     */
    @Transactional
    public void judged(Exchange exchange) {
        boolean accepted = exchange.getProperty(Flow.ACCEPTED, Boolean.class);
        AfkeurEntry afkeur = exchange.getProperty(Flow.AFKEUR, AfkeurEntry.class);
        boolean declaratie = exchange.getProperty(Flow.TYPE, MessageType.class).name().endsWith("323");
        long id = exchange.getProperty(Flow.STORE_ID, Long.class);
        if (declaratie && accepted && afkeur == null) {
            store.setState(id, MessageState.AFGELEVERD, "to the back office for its declaratie-antwoord");
            openDeadlines(id, exchange.getProperty(Flow.TYPE, MessageType.class));
            return;
        }
        MessageState state = afkeur == null ? MessageState.GEACCEPTEERD
                : declaratie ? (accepted ? MessageState.DEELS_TOEGEKEND : MessageState.AFGEWEZEN) : MessageState.AFGEKEURD;
        store.setState(id, state, afkeur == null ? null : afkeur.reason());
    }

    /**
     * A retour that answers a known heenbericht: the heenbericht moves to the state the retour decides, its deadline
     * is met, and the retour is delivered or in afkeur.
     */
    public void applyRetour(Exchange exchange) {
        StoredMessage heen = exchange.getProperty(Flow.HEEN, StoredMessage.class);
        AfkeurEntry afkeur = exchange.getProperty(Flow.AFKEUR, AfkeurEntry.class);
        settle(exchange, heen, exchange.getProperty(Flow.STORE_ID, Long.class));
        if (afkeur != null) {
            store.setRetourCodes(heen.id(), afkeur.reason());
        }
    }

    private void settle(Exchange exchange, StoredMessage heen, long retourId) {
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        store.setState(heen.id(), exchange.getProperty(Flow.HEEN_STATE, MessageState.class),
                type.name() + " " + exchange.getProperty(Flow.IDENTITY, MessageIdentity.class).identificatie());
        deadlines.fulfil(heen.id(), type.name().endsWith("325") ? Deadline.Kind.DECLARATIE_ANTWOORD : Deadline.Kind.RETOUR, retourId);
    }

    private void openDeadlines(long id, MessageType type) {
        for (DeadlinePolicy.Due due : policy.owedFor(type, LocalDate.now(clock))) {
            deadlines.open(id, due.kind(), due.date());
        }
    }

    /** A retour that went to afkeur (rejecting, or answering nothing we know). */
    public void inAfkeur(Exchange exchange) {
        AfkeurEntry afkeur = exchange.getProperty(Flow.AFKEUR, AfkeurEntry.class);
        store.setState(exchange.getProperty(Flow.STORE_ID, Long.class), MessageState.IN_AFKEUR, afkeur == null ? null : afkeur.problem());
    }

    /**
     * The same file with the same content, already past the point where it was taken on, is the gateway reading its
     * own work again after a crash (it went down between recording the outcome and moving the file away): not a
     * resend to refuse, only a file to move out of the way.
     */
    private static boolean sameFileAgain(Exchange exchange, StoredMessage stored) {
        boolean done = !UNFINISHED.contains(stored.state()) && stored.fileName().equals(MessageContent.of(exchange).name());
        exchange.setProperty(Flow.ALREADY_DONE, done);
        if (done) {
            exchange.setProperty(Flow.STORE_ID, stored.id());
            exchange.setProperty(Flow.ALREADY_DONE_STATE, stored.state());
        }
        return done;
    }

    private Registration register(Exchange exchange, Direction direction, boolean recordConflicts) {
        MessageContent content = MessageContent.of(exchange);
        MessageType type = exchange.getProperty(Flow.TYPE, MessageType.class);
        MessageIdentity identity = exchange.getProperty(Flow.IDENTITY, MessageIdentity.class);
        return store.register(direction, type, identity, content.name(), content.sha256(exchange), content.size(), content::open,
                MessageState.ONTVANGEN, recordConflicts);
    }

    /** Keeps the clients and references of a new message, so later messages can be matched to it. */
    private void remember(Exchange exchange, long id) {
        exchange.setProperty(Flow.STORE_ID, id);
        MessageFacts facts = exchange.getProperty(Flow.FACTS, MessageFacts.class);
        if (facts == null) {
            return;
        }
        List<ClientRef> clients = facts.clients();
        store.addClients(id, clients);
        for (ReferenceKind kind : List.of(ReferenceKind.TOEWIJZINGNUMMER, ReferenceKind.REFERENTIE_AANBIEDER, ReferenceKind.DECLARATIENUMMER)) {
            store.addKeys(id, kind, facts.references(kind));
        }
        if (!clients.isEmpty()) {
            String client = clients.get(0).key();
            store.addKeys(id, ReferenceKind.PRODUCT, facts.productLines().stream().map(line -> client + "|" + line.key()).toList());
        }
    }

    private static RefusedMessageException duplicate(Exchange exchange, String reason) {
        return RefusedMessageException.of(Problem.DUPLICATE, exchange, reason);
    }
}
