package nl.berichtenpoort.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.berichtenpoort.message.MessageTree;

/**
 * TR101: no duplicate lines. Within one parent, no two classes may share their logical key (a ToegewezenProduct its
 * ToewijzingNummer, a StartProduct its toewijzing or product with Begindatum, a Prestatie its ReferentieNummer, ...).
 */
public final class DuplicateLineRules implements RuleFamily {

    static final Rule TR101 = new Rule("TR101", Rule.TECHNICAL, "Binnen een bericht zijn dubbele regels niet toegestaan");

    private static final Map<String, Function<MessageTree, String>> KEYS = Map.ofEntries(
            Map.entry("Relatie", n -> n.text("Nummer")),
            Map.entry("Contact", n -> n.text("Soort") + "|" + n.text("Periode/Begindatum")),
            Map.entry("ToegewezenProduct", n -> n.text("ToewijzingNummer")),
            Map.entry("StartProduct", n -> product(n) + "|" + n.text("Begindatum")),
            Map.entry("StopProduct", n -> product(n) + "|" + n.text("Begindatum") + "|" + n.text("RedenBeeindiging")),
            Map.entry("AangevraagdProduct", n -> n.text("ReferentieAanbieder")),
            Map.entry("OngewijzigdProduct", n -> n.text("ToewijzingNummer")),
            Map.entry("TeWijzigenProduct", n -> n.text("ToewijzingNummer")),
            Map.entry("NieuwProduct", n -> product(n) + "|" + n.text("GewensteIngangsdatum")),
            Map.entry("Client", n -> n.text("Bsn")),
            Map.entry("Prestatie", n -> n.text("ProductReferentie/ReferentieNummer")));

    @Override
    public List<Rule> rules() {
        return List.of(TR101);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        visit(context.message(), violations);
        return violations;
    }

    private static void visit(MessageTree node, List<Violation> violations) {
        Map<String, MessageTree> seen = new HashMap<>();
        for (MessageTree child : node.children()) {
            Function<MessageTree, String> key = KEYS.get(child.name());
            if (key != null) {
                MessageTree earlier = seen.putIfAbsent(child.name() + "#" + key.apply(child), child);
                if (earlier != null) {
                    violations.add(new Violation(TR101, child.path(), child.name() + " repeats the logical key of " + earlier.path()));
                }
            }
            visit(child, violations);
        }
    }

    private static String product(MessageTree n) {
        return n.has("ToewijzingNummer") ? "T" + n.text("ToewijzingNummer") : "P" + n.text("Product/Categorie") + "/" + n.text("Product/Code");
    }
}
