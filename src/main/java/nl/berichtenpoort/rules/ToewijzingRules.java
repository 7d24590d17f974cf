package nl.berichtenpoort.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.privacy.ClientKeys;
import nl.berichtenpoort.store.Toewijzingen;

/**
 * Rules of a toewijzing (301) against what the gateway has seen before: TR332 (a ToewijzingNummer stands for one
 * toewijzing, client and product, within the gemeente's legal domain) and TR379 (ReferentieAanbieder is filled only when
 * the toewijzing honours a request the aanbieder sent).
 */
public final class ToewijzingRules implements RuleFamily {

    static final Rule TR332 = new Rule("TR332", "9332", "ToewijzingNummer moet uniek zijn binnen het wettelijk domein van de gemeente");
    static final Rule TR379 = new Rule("TR379", "9379",
            "ReferentieAanbieder mag alleen gevuld zijn als de toewijzing een verzoek om toewijzing of wijziging honoreert");

    private final Toewijzingen toewijzingen;
    private final ClientKeys clientKeys;
    private final SentRequests requests;

    public ToewijzingRules(Toewijzingen toewijzingen, ClientKeys clientKeys, SentRequests requests) {
        this.toewijzingen = toewijzingen;
        this.clientKeys = clientKeys;
        this.requests = requests;
    }

    @Override
    public List<Rule> rules() {
        return List.of(TR332, TR379);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("301")) {
            return List.of();
        }
        String client = clientKeys.of(context.message().text("Client/Bsn"));
        String gemeente = context.identity().sender();
        List<Violation> violations = new ArrayList<>();
        for (MessageTree product : context.message().all("Client/ToegewezenProducten/ToegewezenProduct")) {
            long nummer = Long.parseLong(product.text("ToewijzingNummer"));
            Optional<Toewijzingen.Toewijzing> earlier = toewijzingen.find(context.type().standard().code(), gemeente, nummer);
            if (earlier.isPresent() && (!earlier.get().clientKey().equals(client) || !earlier.get().product().equals(product(product)))) {
                violations.add(new Violation(TR332, product.path(), "ToewijzingNummer " + nummer + " already stands for another "
                        + (earlier.get().clientKey().equals(client) ? "product" : "client") + " of gemeente " + gemeente));
            }
            String referentie = product.text("ReferentieAanbieder");
            if (!referentie.isEmpty() && requests.find(context, referentie).isEmpty()) {
                violations.add(new Violation(TR379, product.path(), "ReferentieAanbieder " + referentie
                        + " does not refer to a verzoek om toewijzing or wijziging sent to gemeente " + gemeente));
            }
        }
        return violations;
    }

    /** Categorie/Code as one key; the code may be absent. */
    public static String product(MessageTree toegewezen) {
        return toegewezen.text("Product/Categorie") + "/" + toegewezen.text("Product/Code");
    }
}
