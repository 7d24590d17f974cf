package nl.berichtenpoort.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.message.ReferenceKind;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.MessageStore.Direction;
import nl.berichtenpoort.store.StoredMessage;

/**
 * What a gemeente checks on a verzoek om toewijzing (315) or wijziging (317) against the requests it received before:
 * TR347 a ReferentieAanbieder is unique per aanbieder in the legal domain; TR374 no request while another one of the
 * same aanbieder for the client is still open, that is neither honoured by a toewijzing with its ReferentieAanbieder
 * nor turned down by an antwoordbericht (VerzoekAntwoord 1).
 */
public final class AanvraagRules implements RuleFamily {

    static final Rule TR347 = new Rule("TR347", "9347", "ReferentieAanbieder is uniek voor de aanbieder binnen het wettelijk domein");
    static final Rule TR374 = new Rule("TR374", "9374", "Een verzoek mag alleen als er geen onderhanden verzoek is voor de client");

    /** A rejected request counts as not sent. */
    private static final Set<MessageState> NOT_RECEIVED = Set.of(MessageState.AFGEKEURD, MessageState.FOUT);
    private static final Set<MessageState> NOT_SENT = Set.of(MessageState.ONTVANGEN, MessageState.AFGEKEURD, MessageState.AFGEKEURD_DOOR_DIENST,
            MessageState.FOUT);

    private final MessageStore store;
    private final ClientKeys clientKeys;

    public AanvraagRules(MessageStore store, ClientKeys clientKeys) {
        this.store = store;
        this.clientKeys = clientKeys;
    }

    @Override
    public List<Rule> rules() {
        return List.of(TR347, TR374);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("315", "317")) {
            return List.of();
        }
        String prefix = context.type().name().replaceAll("\\d", "");
        List<String> requestTypes = List.of(prefix + "315", prefix + "317");
        String aanbieder = context.identity().sender();
        String gemeente = context.identity().receiver();
        List<MessageTree> lines = context.message().all(context.is("315") ? "Client/AangevraagdeProducten/AangevraagdProduct" : "Client/Verzoek");
        List<Violation> violations = new ArrayList<>();
        for (MessageTree line : lines) {
            String referentie = line.text("ReferentieAanbieder");
            boolean used = store.findByKey(Direction.IN, requestTypes, aanbieder, gemeente, ReferenceKind.REFERENTIE_AANBIEDER, referentie).stream()
                    .anyMatch(m -> m.id() != context.storeId() && !NOT_RECEIVED.contains(m.state()));
            if (used) {
                violations.add(new Violation(TR347, line.path(), "ReferentieAanbieder " + referentie + " was used before by " + aanbieder));
            }
        }
        String client = clientKeys.of(context.message().text("Client/Bsn"));
        store.findByClient(Direction.IN, requestTypes, aanbieder, gemeente, client).stream()
                .filter(m -> m.id() != context.storeId() && m.state() == MessageState.GEACCEPTEERD)
                .filter(request -> open(request, prefix, aanbieder, gemeente)).findFirst()
                .ifPresent(open -> lines.forEach(line -> violations.add(new Violation(TR374, line.path(), "the earlier request "
                        + open.berichttype() + " " + open.identificatie() + " of " + aanbieder + " for this client is not answered yet"))));
        return violations;
    }

    private boolean open(StoredMessage request, String prefix, String aanbieder, String gemeente) {
        return store.keys(request.id(), ReferenceKind.REFERENTIE_AANBIEDER).stream().anyMatch(referentie -> !answered(referentie, prefix,
                aanbieder, gemeente));
    }

    private boolean answered(String referentie, String prefix, String aanbieder, String gemeente) {
        for (StoredMessage answer : store.findByKey(Direction.UIT, List.of(prefix + "301", prefix + "319"), gemeente, aanbieder,
                ReferenceKind.REFERENTIE_AANBIEDER, referentie)) {
            if (NOT_SENT.contains(answer.state())) {
                continue;
            }
            if (answer.berichttype().endsWith("301")
                    || "1".equals(MessageTree.parse(store.findWithContent(answer.id()).orElseThrow().content()).text("Antwoord/VerzoekAntwoord"))) {
                return true;
            }
        }
        return false;
    }
}
