package nl.berichtenpoort.rules;

import java.util.List;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;

/** TR056: an Identificatie is unique per message type per sender; a later message under a used one is refused. */
public final class IdentificatieRules implements RuleFamily {

    static final Rule TR056 = new Rule("TR056", "9056", "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij");

    private final MessageStore store;

    public IdentificatieRules(MessageStore store) {
        this.store = store;
    }

    @Override
    public List<Rule> rules() {
        return List.of(TR056);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<StoredMessage> underKey = store.underKey(MessageStore.Direction.IN, context.type().name(), context.identity().sender(),
                context.identity().identificatie());
        StoredMessage first = underKey.isEmpty() ? null : underKey.get(0);
        if (first == null || first.id() == context.storeId()) {
            return List.of();
        }
        return List.of(new Violation(TR056, "/Bericht/Header", "Identificatie " + context.identity().identificatie()
                + " was used before by " + context.identity().sender() + " for " + context.type().name() + " (received "
                + first.created() + ")"));
    }
}
