package nl.berichtenpoort.message;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.berichtenpoort.privacy.Bsn;
import nl.berichtenpoort.validation.ContentListener;
import nl.berichtenpoort.validation.ElementPath;

/**
 * What the gateway needs to know from a message body, gathered while it is validated: its clients (client key and
 * masked BSN, never the BSN itself), the references it carries (ToewijzingNummer, ReferentieAanbieder,
 * DeclaratieNummer, the key of each start or stop), and the RetourCodes of a retour with the class each one hit.
 * Bounded, so a 25 MB declaratie costs no more memory than its largest class.
 */
public final class MessageFacts implements ContentListener {

    static final int MAX_CLIENTS = 1000;
    static final int MAX_CODES = 10_000;
    private static final Set<String> KEY_FIELDS = Set.of("ToewijzingNummer", "ReferentieAanbieder", "ReferentieNummer", "Bsn",
            "Categorie", "Code", "Begindatum", "StatusAanlevering");
    private static final Set<String> STARTS_AND_STOPS = Set.of("StartProduct", "StopProduct");

    /** One start or stop: its key (toewijzing or product, with Begindatum) and StatusAanlevering. */
    public record ProductLine(String kind, String key, String statusAanlevering) {
    }

    private final UnaryOperator<String> clientKeys;
    private final Map<String, ClientRef> clients = new LinkedHashMap<>();
    private int bsnCount;
    private final Map<ReferenceKind, Set<String>> references = new EnumMap<>(ReferenceKind.class);
    private final List<ProductLine> productLines = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<RetourCodeHit> retourCodes = new ArrayList<>();
    private final Deque<Map<String, String>> keys = new ArrayDeque<>();
    /** The open elements' paths without indexes, one String per distinct path (see {@link #plainPath}). */
    private final Deque<String> plainPaths = new ArrayDeque<>();
    private final Map<String, Map<String, String>> plainChildren = new HashMap<>();

    /** @param clientKeys turns a BSN into its client key */
    public MessageFacts(UnaryOperator<String> clientKeys) {
        this.clientKeys = clientKeys;
    }

    /** The masked BSNs of the clients in the message, in order of appearance (at most 1000). */
    public List<String> maskedBsns() {
        return clients.values().stream().map(ClientRef::maskedBsn).toList();
    }

    public List<ClientRef> clients() {
        return List.copyOf(clients.values());
    }

    /** How many Bsn elements the message holds. */
    public int bsnCount() {
        return bsnCount;
    }

    public Set<String> references(ReferenceKind kind) {
        return Set.copyOf(references.getOrDefault(kind, Set.of()));
    }

    public List<ProductLine> productLines() {
        return List.copyOf(productLines);
    }

    /** A single value by its path without indexes, e.g. /Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag. */
    public String value(String path) {
        return values.getOrDefault(path, "");
    }

    public List<RetourCodeHit> retourCodes() {
        return List.copyOf(retourCodes);
    }

    /** True when every RetourCode accepts. */
    public boolean allCodesAccept() {
        return retourCodes.stream().map(RetourCodeHit::code).allMatch(MessageFacts::isAccepting);
    }

    /** 0200 (no remarks), 0233 (not assessed) and 8001 (declaratie fully granted) accept; every other code rejects. */
    public static boolean isAccepting(String code) {
        return code.equals("0200") || code.equals("0233") || code.equals("8001");
    }

    /**
     * Called for each of the up to a million elements of a 25 MB declaratie, so it allocates as little as it can: the
     * keys of an element get a map of their own only once one is put in (see {@link #keyHolder}).
     */
    @Override
    public void start(ElementPath element) {
        String bsn = keys.isEmpty() ? null : keys.peekLast().get("Bsn");
        keys.addLast(bsn == null ? Map.of() : Map.of("Bsn", bsn));
        plainPaths.addLast(plainPath(plainPaths.isEmpty() ? "" : plainPaths.peekLast(), element.name()));
    }

    /** /Bericht/Client/Bsn for /Bericht/Client[2]/Bsn, always the same String, so its hash is computed once. */
    private String plainPath(String parent, String name) {
        return plainChildren.computeIfAbsent(parent, p -> new HashMap<>()).computeIfAbsent(name, n -> parent + "/" + n);
    }

    @Override
    public void end(ElementPath element, String text) {
        String name = element.name();
        Map<String, String> own = keys.removeLast();
        String plain = plainPaths.removeLast();
        if (text == null) {
            if (STARTS_AND_STOPS.contains(name)) {
                productLines.add(new ProductLine(name, productKey(own), own.getOrDefault("StatusAanlevering", "")));
            }
            return;
        }
        values.putIfAbsent(plain, text);
        switch (name) {
            case "Bsn" -> client(text);
            case "ToewijzingNummer" -> reference(ReferenceKind.TOEWIJZINGNUMMER, text);
            case "ReferentieAanbieder" -> reference(ReferenceKind.REFERENTIE_AANBIEDER, text);
            case "DeclaratieNummer" -> reference(ReferenceKind.DECLARATIENUMMER, text);
            default -> {
            }
        }
        if (KEY_FIELDS.contains(name) && !keys.isEmpty()) {
            keyHolder().put(name, "Bsn".equals(name) ? Bsn.mask(text) : text);
        }
        if ("RetourCode".equals(name) && retourCodes.size() < MAX_CODES && element.parent() != null && element.parent().parent() != null) {
            recordCode(element.parent().parent(), text);
        }
    }

    private void client(String bsn) {
        bsnCount++;
        if (clients.size() < MAX_CLIENTS && !clients.containsKey(bsn)) {
            clients.put(bsn, new ClientRef(clientKeys.apply(bsn), Bsn.mask(bsn)));
        }
    }

    private void reference(ReferenceKind kind, String value) {
        Set<String> set = references.computeIfAbsent(kind, k -> new LinkedHashSet<>());
        if (set.size() < MAX_CODES) {
            set.add(value);
        }
    }

    /** Toewijzing and Begindatum, or product and Begindatum when the start or stop names no toewijzing. */
    private static String productKey(Map<String, String> own) {
        String toewijzing = own.get("ToewijzingNummer");
        String what = toewijzing != null ? "T" + toewijzing : "P" + own.getOrDefault("Categorie", "") + "/" + own.getOrDefault("Code", "");
        return what + "|" + own.getOrDefault("Begindatum", "");
    }

    /** The class a key belongs to: the parent, or for Product and ProductReferentie the class above them. */
    private Map<String, String> keyHolder() {
        String parent = plainPaths.peekLast();
        if ((parent.endsWith("/ProductReferentie") || parent.endsWith("/Product")) && keys.size() >= 2) {
            Map<String, String> product = keys.removeLast();
            Map<String, String> holder = writable(keys.removeLast());
            keys.addLast(holder);
            keys.addLast(product);
            return holder;
        }
        Map<String, String> holder = writable(keys.removeLast());
        keys.addLast(holder);
        return holder;
    }

    private static Map<String, String> writable(Map<String, String> keys) {
        return keys instanceof HashMap<String, String> map ? map : new HashMap<>(keys);
    }

    /** The class of a RetourCode is the element holding its RetourCodes wrapper. */
    private void recordCode(ElementPath classElement, String code) {
        Map<String, String> wrapper = keys.removeLast();
        Map<String, String> classKeys = new HashMap<>(keys.peekLast());
        classKeys.keySet().retainAll(Set.of("ToewijzingNummer", "ReferentieAanbieder", "ReferentieNummer", "Bsn"));
        keys.addLast(wrapper);
        retourCodes.add(new RetourCodeHit(classElement.toString(), classElement.name(), code, classKeys));
    }
}
