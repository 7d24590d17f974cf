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
    private final Deque<String> paths = new ArrayDeque<>();

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

    @Override
    public void start(String path, String name) {
        Map<String, String> inherited = keys.isEmpty() ? Map.of() : keys.peekLast();
        keys.addLast(new HashMap<>(inherited.containsKey("Bsn") ? Map.of("Bsn", inherited.get("Bsn")) : Map.of()));
        paths.addLast(path);
    }

    @Override
    public void end(String path, String name, String text) {
        Map<String, String> own = keys.removeLast();
        paths.removeLast();
        if (text == null) {
            if (STARTS_AND_STOPS.contains(name)) {
                productLines.add(new ProductLine(name, productKey(own), own.getOrDefault("StatusAanlevering", "")));
            }
            return;
        }
        values.putIfAbsent(withoutIndexes(path), text);
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
        if ("RetourCode".equals(name) && retourCodes.size() < MAX_CODES && paths.size() >= 2) {
            recordCode(text);
        }
    }

    /** /Bericht/Client[2]/Bsn -> /Bericht/Client/Bsn; by hand, as a regex per element costs a 25 MB declaratie a fifth of its time. */
    static String withoutIndexes(String path) {
        int open = path.indexOf('[');
        if (open < 0) {
            return path;
        }
        StringBuilder plain = new StringBuilder(path.length());
        int from = 0;
        while (open >= 0) {
            plain.append(path, from, open);
            from = path.indexOf(']', open) + 1;
            open = path.indexOf('[', from);
        }
        return plain.append(path, from, path.length()).toString();
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
        String parent = paths.peekLast();
        if ((parent.endsWith("/ProductReferentie") || parent.endsWith("/Product")) && keys.size() >= 2) {
            Map<String, String> product = keys.removeLast();
            Map<String, String> holder = keys.peekLast();
            keys.addLast(product);
            return holder;
        }
        return keys.peekLast();
    }

    /** The class of a RetourCode is the element holding its RetourCodes wrapper. */
    private void recordCode(String code) {
        Map<String, String> wrapper = keys.removeLast();
        String wrapperPath = paths.removeLast();
        String classPath = paths.peekLast();
        Map<String, String> classKeys = new HashMap<>(keys.peekLast());
        classKeys.keySet().retainAll(Set.of("ToewijzingNummer", "ReferentieAanbieder", "ReferentieNummer", "Bsn"));
        keys.addLast(wrapper);
        paths.addLast(wrapperPath);
        String className = classPath.substring(classPath.lastIndexOf('/') + 1).replaceAll("\\[\\d+]$", "");
        retourCodes.add(new RetourCodeHit(classPath, className, code, classKeys));
    }
}
