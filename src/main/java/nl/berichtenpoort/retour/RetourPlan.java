package nl.berichtenpoort.retour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.rules.RuleOutcome;
import nl.berichtenpoort.rules.Violation;

/**
 * Which RetourCodes a retour carries: none at all when the heenbericht is fully approved (a header without
 * RetourCodes), 0001 in the header only when a message-level rule failed, and otherwise each hit class its rule's
 * code with 0200 for the other classes of the client; only a client with a rejected class is returned (OP065).
 *
 * @param classCodes codes per class path (/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]); unlisted
 *                   classes in the body get 0200
 */
public record RetourPlan(List<String> headerCodes, boolean withBody, Map<String, List<String>> classCodes) {

    public static final String HEADER = "/Bericht/Header";
    static final String NO_REMARKS = "0200";

    public RetourPlan {
        headerCodes = List.copyOf(headerCodes);
        classCodes = Map.copyOf(classCodes);
    }

    public static RetourPlan approved() {
        return new RetourPlan(List.of(), false, Map.of());
    }

    public static RetourPlan from(RuleOutcome outcome) {
        if (outcome.approved()) {
            return approved();
        }
        if (outcome.messageLevel()) {
            return new RetourPlan(List.of(nl.berichtenpoort.rules.Rule.TECHNICAL), false, Map.of());
        }
        Map<String, List<String>> codes = new HashMap<>();
        for (Violation violation : outcome.violations()) {
            List<String> list = codes.computeIfAbsent(violation.classPath(), p -> new ArrayList<>());
            if (!list.contains(violation.rule().retourCode())) {
                list.add(violation.rule().retourCode());
            }
        }
        List<String> header = codes.remove(HEADER);
        return new RetourPlan(header == null ? List.of(NO_REMARKS) : header, !codes.isEmpty(), codes);
    }

    public boolean approvesAll() {
        return headerCodes.isEmpty() && !withBody;
    }

    public List<String> codesFor(String classPath) {
        return classCodes.getOrDefault(classPath, List.of(NO_REMARKS));
    }
}
