package nl.berichtenpoort.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.berichtenpoort.message.MessageTree;

/**
 * Rules on products in toewijzingen and requests: TR302 (the same product only with non-overlapping periods), CD041
 * (Omvang is required when Product/Code is filled) and CD077/CD078 (Budget and Omvang exclude each other).
 */
public final class ProductRules implements RuleFamily {

    static final Rule TR302 = new Rule("TR302", Rule.TECHNICAL,
            "Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen");
    static final Rule CD041 = new Rule("CD041", Rule.TECHNICAL, "Omvang is verplicht als Product/Code gevuld is");
    static final Rule CD077 = new Rule("CD077", Rule.TECHNICAL, "Budget mag niet gevuld zijn als Omvang gevuld is");
    static final Rule CD078 = new Rule("CD078", Rule.TECHNICAL, "Omvang mag niet gevuld zijn als Budget gevuld is");

    /** Hulpmiddelen (rolstoelen, vervoer-, woonvoorzieningen, overige) may be stacked. */
    private static final Set<String> STACKABLE = Set.of("11", "12", "13", "14");

    @Override
    public List<Rule> rules() {
        return List.of(TR302, CD041, CD077, CD078);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        List<MessageTree> products = new ArrayList<>();
        if (context.is("301")) {
            products.addAll(context.message().all("Client/ToegewezenProducten/ToegewezenProduct"));
            violations.addAll(overlaps(products));
        }
        if (context.is("315")) {
            products.addAll(context.message().all("Client/AangevraagdeProducten/AangevraagdProduct"));
        }
        if (context.is("317")) {
            products.addAll(context.message().all("Client/Verzoek/NieuweProducten/NieuwProduct"));
            for (MessageTree changed : context.message().all("Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct")) {
                violations.addAll(budgetOrOmvang(changed));
            }
        }
        for (MessageTree product : products) {
            if (product.has("Product/Code") && !product.has("Omvang")) {
                violations.add(new Violation(CD041, product.path(), "Product/Code " + product.text("Product/Code") + " without Omvang"));
            }
            violations.addAll(budgetOrOmvang(product));
        }
        return violations;
    }

    private static List<Violation> budgetOrOmvang(MessageTree product) {
        if (product.has("Budget") && product.has("Omvang")) {
            return List.of(new Violation(CD077, product.path(), "Budget and Omvang are both filled"),
                    new Violation(CD078, product.path(), "Omvang and Budget are both filled"));
        }
        return List.of();
    }

    /** TR302: at code level when both carry a code, at category level otherwise, against everything without category. */
    private static List<Violation> overlaps(List<MessageTree> assigned) {
        List<MessageTree> live = assigned.stream().filter(p -> !removed(p)).toList();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            for (int j = 0; j < i; j++) {
                MessageTree a = live.get(i);
                MessageTree b = live.get(j);
                if (sameProduct(a, b) && overlap(a, b)) {
                    violations.add(new Violation(TR302, a.path(), "the same product as " + b.path() + " in an overlapping period"));
                }
            }
        }
        return violations;
    }

    private static boolean sameProduct(MessageTree a, MessageTree b) {
        String categoryA = a.text("Product/Categorie");
        String categoryB = b.text("Product/Categorie");
        if (categoryA.isEmpty() || categoryB.isEmpty()) {
            return true;
        }
        if (!categoryA.equals(categoryB) || STACKABLE.contains(categoryA)) {
            return false;
        }
        String codeA = a.text("Product/Code");
        String codeB = b.text("Product/Code");
        return codeA.isEmpty() || codeB.isEmpty() || codeA.equals(codeB);
    }

    private static boolean overlap(MessageTree a, MessageTree b) {
        LocalDate startA = LocalDate.parse(a.text("Ingangsdatum"));
        LocalDate startB = LocalDate.parse(b.text("Ingangsdatum"));
        LocalDate endA = a.has("Einddatum") ? LocalDate.parse(a.text("Einddatum")) : LocalDate.MAX;
        LocalDate endB = b.has("Einddatum") ? LocalDate.parse(b.text("Einddatum")) : LocalDate.MAX;
        return !startA.isAfter(endB) && !startB.isAfter(endA);
    }

    /** A deleted toewijzing (reden 13, or 01, with Einddatum equal to Ingangsdatum) takes no part. */
    private static boolean removed(MessageTree p) {
        String reason = p.text("RedenWijziging");
        return ("13".equals(reason) || "01".equals(reason)) && p.text("Einddatum").equals(p.text("Ingangsdatum"));
    }
}
