package nl.berichtenpoort.rules;

import java.util.List;
import java.util.Set;

/** TR061: a client in a toewijzing has at least one address of Soort 01 (BRP), 02 (correspondentie) or 03 (verblijf). */
public final class ClientRules implements RuleFamily {

    static final Rule TR061 = new Rule("TR061", Rule.TECHNICAL,
            "Bij een Client moet minimaal een Adres voorkomen waarvan Soort de waarde 01, 02 of 03 heeft");

    private static final Set<String> ADDRESS_KINDS = Set.of("01", "02", "03");

    @Override
    public List<Rule> rules() {
        return List.of(TR061);
    }

    @Override
    public List<Violation> check(RuleContext context) {
        if (!context.is("301")) {
            return List.of();
        }
        boolean hasAddress = context.message().all("Client/Contactgegevens/Contact").stream()
                .anyMatch(contact -> ADDRESS_KINDS.contains(contact.text("Soort")) && contact.has("Adres"));
        return hasAddress ? List.of() : List.of(new Violation(TR061, "/Bericht/Client",
                "the client has no address of Soort 01, 02 or 03"));
    }
}
