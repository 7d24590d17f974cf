package nl.berichtenpoort.rules;

import java.util.List;
import nl.berichtenpoort.message.MessageTree;
import nl.berichtenpoort.privacy.Bsn;

/** CS002: every BSN passes the 11-proef. */
public final class BsnRules implements RuleFamily {

    static final Rule CS002 = new Rule("CS002", Rule.TECHNICAL, "Bsn moet voldoen aan de 11-proef");

    @Override
    public List<Rule> rules() {
        return List.of(CS002);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        return context.message().descendants("Bsn").stream()
                .filter(bsn -> !Bsn.passesElfproef(bsn.text()))
                .map(bsn -> new Violation(CS002, parent(bsn), "Bsn " + Bsn.mask(bsn.text()) + " does not pass the 11-proef"))
                .toList();
    }

    private static String parent(MessageTree node) {
        return node.path().substring(0, node.path().lastIndexOf('/'));
    }
}
