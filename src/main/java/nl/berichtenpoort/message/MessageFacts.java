package nl.berichtenpoort.message;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.berichtenpoort.privacy.Bsn;
import nl.berichtenpoort.validation.ContentListener;

/**
 * What the gateway needs to know from a message body, gathered while it is validated: the clients (masked BSNs only)
 * and the RetourCodes of a retour with the class each one hit. Bounded, so a 25 MB declaratie costs no more memory
 * than its largest class.
 */
public final class MessageFacts implements ContentListener {

    static final int MAX_BSNS = 1000;
    static final int MAX_CODES = 10_000;
    private static final Set<String> KEY_FIELDS = Set.of("ToewijzingNummer", "ReferentieAanbieder", "ReferentieNummer", "Bsn");

    private final Set<String> maskedBsns = new LinkedHashSet<>();
    private int bsnCount;
    private final List<RetourCodeHit> retourCodes = new ArrayList<>();
    private final Deque<Map<String, String>> keys = new ArrayDeque<>();
    private final Deque<String> paths = new ArrayDeque<>();

    /** The masked BSNs of the clients in the message, in order of appearance (at most 1000). */
    public List<String> maskedBsns() {
        return List.copyOf(maskedBsns);
    }

    /** How many Bsn elements the message holds (clients and relations). */
    public int bsnCount() {
        return bsnCount;
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
        keys.removeLast();
        paths.removeLast();
        if (text == null) {
            return;
        }
        if ("Bsn".equals(name)) {
            bsnCount++;
            if (maskedBsns.size() < MAX_BSNS) {
                maskedBsns.add(Bsn.mask(text));
            }
        }
        if (KEY_FIELDS.contains(name) && !keys.isEmpty()) {
            keyHolder().put(name, "Bsn".equals(name) ? Bsn.mask(text) : text);
        }
        if ("RetourCode".equals(name) && retourCodes.size() < MAX_CODES && paths.size() >= 2) {
            recordCode(text);
        }
    }

    /** The class a key belongs to: the parent, or for ProductReferentie/ReferentieNummer the Prestatie above it. */
    private Map<String, String> keyHolder() {
        String parent = paths.peekLast();
        if (parent.endsWith("/ProductReferentie") && keys.size() >= 2) {
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
        Map<String, String> classKeys = keys.peekLast();
        keys.addLast(wrapper);
        paths.addLast(wrapperPath);
        String className = classPath.substring(classPath.lastIndexOf('/') + 1).replaceAll("\\[\\d+]$", "");
        retourCodes.add(new RetourCodeHit(classPath, className, code, classKeys));
    }
}
