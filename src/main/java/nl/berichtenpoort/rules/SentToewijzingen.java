package nl.berichtenpoort.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;

/**
 * The toewijzingen a gemeente sent to an aanbieder, as its gateway recorded them: for a ToewijzingNummer the current
 * ToegewezenProduct, the latest by Toewijzingsdatum and Toewijzingstijd (IV013) among the 301s that went out and were
 * not rejected by the aanbieder (a rejected message counts as not sent).
 */
public final class SentToewijzingen {

    private static final Set<MessageState> NOT_SENT = Set.of(MessageState.ONTVANGEN, MessageState.WACHT_OP_VOORGANGER, MessageState.AFGEKEURD,
            MessageState.AFGEKEURD_DOOR_DIENST, MessageState.FOUT);

    /** A ToegewezenProduct and the client of the 301 it was in. */
    public record Toewijzing(MessageTree product, String clientKey) {
    }

    private final MessageStore store;
    private final ClientKeys clientKeys;

    public SentToewijzingen(MessageStore store, ClientKeys clientKeys) {
        this.store = store;
        this.clientKeys = clientKeys;
    }

    /** For a message from an aanbieder to the gemeente: the current toewijzing with this number, if the gemeente sent one. */
    public Optional<Toewijzing> current(RuleContext context, String nummer) {
        String type = context.type().name().replaceAll("\\d", "") + "301";
        List<StoredMessage> sent = store.findByKey(MessageStore.Direction.UIT, List.of(type), context.identity().receiver(),
                context.identity().sender(), ReferenceKind.TOEWIJZINGNUMMER, nummer);
        return sent.stream().filter(m -> !NOT_SENT.contains(m.state()))
                .map(m -> MessageTree.parse(store.findWithContent(m.id()).orElseThrow().content()))
                .flatMap(message -> message.all("Client/ToegewezenProducten/ToegewezenProduct").stream()
                        .filter(product -> product.text("ToewijzingNummer").equals(nummer))
                        .map(product -> new Toewijzing(product, clientKeys.of(message.text("Client/Bsn")))))
                .max(Comparator.comparing((Toewijzing t) -> t.product().text("Toewijzingsdatum"))
                        .thenComparing(t -> t.product().text("Toewijzingstijd")));
    }
}
