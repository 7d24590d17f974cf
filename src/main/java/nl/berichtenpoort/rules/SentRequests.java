package nl.berichtenpoort.rules;

import java.util.List;
import java.util.Optional;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;

/**
 * Finds the verzoek om toewijzing (315) or wijziging (317) that a 301 or 319 answers, by ReferentieAanbieder: among
 * the requests we sent, of the same standard, to the gemeente that answers.
 */
public final class SentRequests {

    private final MessageStore store;

    public SentRequests(MessageStore store) {
        this.store = store;
    }

    public Optional<StoredMessage> find(RuleContext context, String referentieAanbieder) {
        String prefix = context.type().name().replaceAll("\\d", "");
        List<StoredMessage> found = store.findByKey(MessageStore.Direction.UIT, List.of(prefix + "315", prefix + "317"),
                context.identity().receiver(), context.identity().sender(), ReferenceKind.REFERENTIE_AANBIEDER, referentieAanbieder);
        return found.stream().findFirst();
    }
}
