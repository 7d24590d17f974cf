package nl.berichtenpoort.retour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.rules.Rule;
import nl.berichtenpoort.rules.RuleOutcome;
import nl.berichtenpoort.rules.Violation;

/**
 * Which RetourCodes a declaratie-antwoord (325) carries (IV087): 0001 in a header-only 325 when a message-level rule
 * failed; a code on the Declaratie rejects the whole declaratie (nothing granted); codes on a Client or Prestatie reject
 * those prestaties, the rest is granted; nothing found grants it all (8001).
 *
 * @param headerCodes codes for the header alone (0001, or a header rule such as TR056): no DeclaratieAntwoord then
 * @param classCodes  codes per class path: /Bericht/Declaratie, .../Client[2], .../Client/Prestaties/Prestatie[3]
 */
public record DeclaratieAntwoordPlan(List<String> headerCodes, Map<String, List<String>> classCodes) {

    static final String DECLARATIE = "/Bericht/Declaratie";

    public DeclaratieAntwoordPlan {
        headerCodes = List.copyOf(headerCodes);
        classCodes = Map.copyOf(classCodes);
    }

    public static DeclaratieAntwoordPlan approved() {
        return new DeclaratieAntwoordPlan(List.of(), Map.of());
    }

    public static DeclaratieAntwoordPlan from(RuleOutcome outcome) {
        if (outcome.messageLevel()) {
            return new DeclaratieAntwoordPlan(List.of(Rule.TECHNICAL), Map.of());
        }
        Map<String, List<String>> codes = new HashMap<>();
        for (Violation violation : outcome.violations()) {
            List<String> list = codes.computeIfAbsent(violation.classPath(), p -> new ArrayList<>());
            if (!list.contains(violation.rule().retourCode())) {
                list.add(violation.rule().retourCode());
            }
        }
        List<String> header = codes.remove(RetourPlan.HEADER);
        return new DeclaratieAntwoordPlan(header == null ? List.of() : header, codes);
    }

    /** Nothing is granted: a header-only 325, or a code on the Declaratie. */
    public boolean rejectsAll() {
        return !headerCodes.isEmpty() || classCodes.containsKey(DECLARATIE);
    }

    /** Whether at least one prestatie of the declaratie is granted under this plan. */
    public boolean grantsAnything(MessageTree declaratie) {
        if (rejectsAll()) {
            return false;
        }
        return declaratie.all("Declaratie/Clienten/Client").stream().filter(client -> !classCodes.containsKey(client.path()))
                .flatMap(client -> client.all("Prestaties/Prestatie").stream()).anyMatch(prestatie -> !classCodes.containsKey(prestatie.path()));
    }
}
