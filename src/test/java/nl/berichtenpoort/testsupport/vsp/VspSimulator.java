package nl.berichtenpoort.testsupport.vsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The VECOZO side of the VSP-Koppeling, for tests and the local demo: a real HTTPS server that demands a client
 * certificate issued by its authority (the CN names the party: an AGB code or a gemeentecode), on the paths of the
 * three APIs with their JSON shapes. Push checks the metadata (400 with ValidationProblemDetails), the afzender against
 * the certificate and the TraceerId (422), then processes the message: refused with a BRS code when the addressee is not
 * connected (BRS04), the Identificatie was used before by that sender for that type (BRS20), or a test asked for it;
 * otherwise it waits in each addressee's pull queue. Statuses follow: Ontvangen, VerwerkingVoltooid (or
 * AfgekeurdDoorDienst), Aangeboden once listed, Bezorgd once confirmed. A test can make it answer 503 for a while, answer
 * the next pushes with a status of its choice, answer slowly, serve corrupt payloads, or fail confirmations.
 */
public final class VspSimulator implements AutoCloseable {

    public static final String PUSH = "/berichtenservice/berichten/rest-push/v1";
    public static final String PULL = "/berichtenservice/berichten/rest-pull/v1";
    public static final String STATUS = "/berichtenservice/berichtstatus/rest-pull/v2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEADER_FIELD = Pattern.compile("<(?:\\w+:)?(BerichtCode|Identificatie|IdentificatieRetour)>([^<]*)<");
    private static final Map<String, String> BRS = Map.of(
            "BRS04", "De geadresseerde is niet aangesloten voor deze berichtstroom.",
            "BRS06", "Het bericht is te groot.",
            "BRS13", "Het bericht is niet XSD-valide.",
            "BRS14", "Het bericht is niet well-formed.",
            "BRS20", "De identificatie van het bericht is niet uniek.",
            "BRS28", "Het bericht is afgekeurd op de XSLT-controles.");

    /** One message that was pushed, with what happened to it. */
    public static final class Bericht {
        private final String traceerId;
        private final JsonNode metadata;
        private final byte[] payload;
        private final String afzender;
        private final List<String> geadresseerden;
        private final Instant ontvangenOp = Instant.now();
        private final Set<String> confirmedBy = ConcurrentHashMap.newKeySet();
        private volatile String status = "Ontvangen";
        private volatile Instant statusOp = Instant.now();
        private volatile List<Map<String, String>> meldingen = List.of();

        Bericht(String traceerId, JsonNode metadata, byte[] payload, String afzender, List<String> geadresseerden) {
            this.traceerId = traceerId;
            this.metadata = metadata;
            this.payload = payload;
            this.afzender = afzender;
            this.geadresseerden = geadresseerden;
        }

        public String traceerId() {
            return traceerId;
        }

        public JsonNode metadata() {
            return metadata;
        }

        public byte[] payload() {
            return payload;
        }

        public String afzender() {
            return afzender;
        }

        public String status() {
            return status;
        }

        public String conversatieId() {
            return metadata.path("referentiegegevens").path("conversatieId").asText(null);
        }

        public String alsAntwoordOp() {
            return metadata.path("referentiegegevens").path("alsAntwoordOp").asText(null);
        }

        /** The Identificatie of the message (the IdentificatieRetour of a classic retour). */
        public String identificatie() {
            Map<String, String> header = header();
            return header.getOrDefault("IdentificatieRetour", header.get("Identificatie"));
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        private Map<String, String> header() {
            Map<String, String> fields = new HashMap<>();
            String text = text();
            int end = text.indexOf("Header>", text.indexOf("Header>") + 7);
            Matcher field = HEADER_FIELD.matcher(end < 0 ? text : text.substring(0, end));
            while (field.find()) {
                fields.putIfAbsent(field.group(1), field.group(2));
            }
            return fields;
        }

        private void status(String status) {
            this.status = status;
            this.statusOp = Instant.now();
        }
    }

    /** A request as the simulator saw it. */
    public record Request(String method, String path, String query, String party, int status) {
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Set<String> parties;
    private final Map<String, Bericht> berichten = new ConcurrentHashMap<>();
    private final Map<String, List<String>> queues = new ConcurrentHashMap<>();
    private final Map<String, String> identificaties = new ConcurrentHashMap<>();
    private final Map<String, String> refuse = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<int[]> scriptedPushes = new CopyOnWriteArrayList<>();
    private final AtomicInteger slowResponses = new AtomicInteger();
    private final AtomicInteger corruptPayloads = new AtomicInteger();
    private final AtomicInteger failedConfirmations = new AtomicInteger();
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile Duration slowBy = Duration.ZERO;

    private VspSimulator(HttpsServer server, Collection<String> parties) {
        this.server = server;
        this.parties = Set.copyOf(parties);
    }

    /**
     * Starts on {@code port} (0: any free port) with the server certificate in {@code serverKeystore}, accepting client
     * certificates issued by {@code authority}, for the connected parties (AGB codes and gemeentecodes).
     */
    public static VspSimulator start(TestPki authority, Path serverKeystore, int port, Collection<String> parties) {
        try {
            SSLContext tls = authority.context(serverKeystore);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = tls.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                    params.setSSLParameters(parameters);
                }
            });
            VspSimulator simulator = new VspSimulator(server, parties);
            server.setExecutor(simulator.executor);
            server.createContext("/", simulator::handle);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String api) {
        return "https://localhost:" + port() + api;
    }

    /** Every message pushed, in order. */
    public List<Bericht> received() {
        return berichten.values().stream().sorted((a, b) -> a.ontvangenOp.compareTo(b.ontvangenOp)).toList();
    }

    public List<Bericht> receivedFrom(String afzender) {
        return received().stream().filter(b -> b.afzender.equals(afzender)).toList();
    }

    public Bericht bericht(String traceerId) {
        return berichten.get(traceerId);
    }

    /** The TraceerIds waiting for a party, oldest first. */
    public List<String> queue(String party) {
        return List.copyOf(queues.getOrDefault(party, List.of()));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Refuse the message with this Identificatie (AfgekeurdDoorDienst with the BRS code) after accepting the push. */
    public void refuse(String identificatie, String brsCode) {
        refuse.put(identificatie, brsCode);
    }

    /** Answer every request with 503 for this long. */
    public void unavailableFor(Duration duration) {
        unavailableUntil = Instant.now().plus(duration);
    }

    /** Answer the next {@code count} pushes with {@code status} (and a problem text) without taking them. */
    public void answerNextPushes(int status, int count) {
        for (int i = 0; i < count; i++) {
            scriptedPushes.add(new int[] {status});
        }
    }

    /** Answer the next {@code count} pushes only after {@code delay}: the message is taken first, then answered late. */
    public void answerSlowly(Duration delay, int count) {
        slowBy = delay;
        slowResponses.set(count);
    }

    /** Serve the next {@code count} payloads with one byte changed. */
    public void corruptNextPayloads(int count) {
        corruptPayloads.set(count);
    }

    /** Answer the next {@code count} confirmations (DELETE) with 503, leaving the messages waiting. */
    public void failNextConfirmations(int count) {
        failedConfirmations.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String party = party((HttpsExchange) exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int status;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (party == null) {
                status = problem(exchange, 403, "Geen geldig systeemcertificaat", null);
            } else if (Instant.now().isBefore(unavailableUntil)) {
                status = problem(exchange, 503, "Service Unavailable", "VSP tijdelijk niet beschikbaar");
            } else if (method.equals("POST") && path.equals(PUSH + "/berichten")) {
                status = push(exchange, party, body);
            } else if (method.equals("GET") && path.equals(PULL + "/berichten")) {
                status = json(exchange, 200, list(party, limit(exchange)));
            } else if (method.equals("POST") && path.equals(PULL + "/berichten/zoeken")) {
                status = json(exchange, 200, search(party, JSON.readTree(body), limit(exchange)));
            } else if (method.equals("GET") && path.matches(PULL + "/berichten/[^/]+/payload")) {
                status = payload(exchange, party, path.split("/")[6]);
            } else if (method.equals("DELETE") && path.matches(PULL + "/berichten/[^/]+")) {
                status = confirm(exchange, party, path.substring(path.lastIndexOf('/') + 1));
            } else if (method.equals("GET") && path.equals(STATUS + "/berichtstatussen")) {
                status = statuses(exchange, party);
            } else {
                status = problem(exchange, 404, "Not Found", method + " " + path);
            }
        } catch (RuntimeException e) {
            status = 500;
        }
        requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(), party, status));
    }

    private int push(HttpExchange exchange, String party, byte[] body) throws IOException {
        if (!scriptedPushes.isEmpty()) {
            int status = scriptedPushes.remove(0)[0];
            return problem(exchange, status, status == 422 ? "Unprocessable Content" : "Afgewezen", "Door de test gekozen antwoord " + status);
        }
        Map<String, Multipart.Part> parts;
        try {
            parts = Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        } catch (IllegalArgumentException e) {
            return validationProblem(exchange, Map.of("", List.of(e.getMessage())));
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Multipart.Part metadataPart = parts.get("berichtMetadata");
        Multipart.Part payloadPart = parts.get("payload");
        if (metadataPart == null) {
            errors.put("berichtMetadata", List.of("The berichtMetadata field is required."));
        } else if (metadataPart.contentType() == null || !metadataPart.contentType().startsWith("application/json")) {
            errors.put("berichtMetadata", List.of("Content-Type must be application/json, was " + metadataPart.contentType()));
        }
        if (payloadPart == null || payloadPart.content().length == 0) {
            errors.put("payload", List.of("The payload field is required."));
        }
        JsonNode metadata = null;
        if (errors.isEmpty()) {
            try {
                metadata = JSON.readTree(metadataPart.content());
                MetadataCheck.check(metadata, errors);
            } catch (IOException e) {
                errors.put("berichtMetadata", List.of("not JSON: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return validationProblem(exchange, errors);
        }
        String afzender = metadata.path("routeringgegevens").path("afzender").path("code").asText();
        if (!afzender.equals(party)) {
            return problem(exchange, 422, "Unprocessable Content", "BRS02 Afzender " + afzender + " komt niet overeen met het systeemcertificaat van " + party);
        }
        String traceerId = metadata.path("referentiegegevens").path("traceerId").asText();
        List<String> geadresseerden = new ArrayList<>();
        metadata.path("routeringgegevens").path("geadresseerden").forEach(g -> geadresseerden.add(g.path("code").asText()));
        Bericht bericht = new Bericht(traceerId, metadata, payloadPart.content(), afzender, geadresseerden);
        if (berichten.putIfAbsent(traceerId, bericht) != null) {
            return problem(exchange, 422, "Unprocessable Content", "BRS114 TraceerId " + traceerId + " is niet uniek");
        }
        process(bericht);
        slow();
        exchange.sendResponseHeaders(204, -1);
        return 204;
    }

    private void process(Bericht bericht) {
        Map<String, String> header = bericht.header();
        String identificatie = bericht.identificatie();
        String key = bericht.afzender + "|" + header.get("BerichtCode") + "|" + identificatie;
        String brs = refuse.remove(String.valueOf(identificatie));
        if (brs == null && identificaties.putIfAbsent(key, bericht.traceerId) != null) {
            brs = "BRS20";
        }
        if (brs == null && !parties.containsAll(bericht.geadresseerden)) {
            brs = "BRS04";
        }
        if (brs != null) {
            bericht.meldingen = List.of(Map.of("code", brs, "omschrijving", BRS.getOrDefault(brs, "Afgekeurd."),
                    "toelichting", "Identificatie " + identificatie));
            bericht.status("AfgekeurdDoorDienst");
            return;
        }
        bericht.status("VerwerkingVoltooid");
        for (String geadresseerde : bericht.geadresseerden) {
            queues.computeIfAbsent(geadresseerde, p -> new CopyOnWriteArrayList<>()).add(bericht.traceerId);
        }
    }

    private ArrayNode list(String party, int limit) {
        ArrayNode list = JSON.createArrayNode();
        for (String traceerId : queue(party).stream().limit(limit).toList()) {
            Bericht bericht = berichten.get(traceerId);
            if (bericht.status.equals("VerwerkingVoltooid")) {
                bericht.status("Aangeboden");
            }
            list.add(listed(bericht));
        }
        return list;
    }

    private ArrayNode search(String party, JsonNode zoekpad, int limit) {
        ArrayNode found = JSON.createArrayNode();
        for (String traceerId : queue(party)) {
            Bericht bericht = berichten.get(traceerId);
            JsonNode references = bericht.metadata.path("referentiegegevens");
            JsonNode stroom = bericht.metadata.path("routeringgegevens").path("berichtstroom");
            boolean match = switch (zoekpad.path("zoekpadType").asText()) {
                case "ZoekpadOpConversatieId" -> zoekpad.path("conversatieId").asText().equals(references.path("conversatieId").asText());
                case "ZoekpadOpAlsAntwoordOp" -> zoekpad.path("alsAntwoordOp").asText().equals(references.path("alsAntwoordOp").asText());
                case "ZoekpadOpBerichtstroom" -> zoekpad.path("berichttype").asText().equals(stroom.path("berichttype").asText());
                default -> false;
            };
            if (match && found.size() < limit) {
                found.add(listed(bericht));
            }
        }
        return found;
    }

    private ObjectNode listed(Bericht bericht) {
        ObjectNode entry = JSON.createObjectNode();
        ObjectNode basis = entry.putObject("basisgegevens");
        basis.put("ontvangenOp", OffsetDateTime.ofInstant(bericht.ontvangenOp, AMSTERDAM).toString());
        ObjectNode payload = basis.putObject("payload");
        payload.put("url", url(PULL) + "/berichten/" + bericht.traceerId + "/payload");
        payload.put("grootte", bericht.payload.length);
        ObjectNode checksum = payload.putObject("checksum");
        checksum.put("algoritme", "SHA256");
        checksum.put("waarde", sha256(bericht.payload));
        entry.set("routeringgegevens", bericht.metadata.path("routeringgegevens"));
        entry.set("referentiegegevens", bericht.metadata.path("referentiegegevens"));
        if (bericht.metadata.has("verwerkingscontext")) {
            entry.set("verwerkingscontext", bericht.metadata.path("verwerkingscontext"));
        }
        return entry;
    }

    private int payload(HttpExchange exchange, String party, String traceerId) throws IOException {
        Bericht bericht = berichten.get(traceerId);
        if (bericht == null || !queue(party).contains(traceerId)) {
            return problem(exchange, 404, "Not Found", "Bericht " + traceerId + " is niet (meer) beschikbaar");
        }
        byte[] content = bericht.payload.clone();
        if (corruptPayloads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            content[content.length / 2] ^= 0x20;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
        return 200;
    }

    private int confirm(HttpExchange exchange, String party, String traceerId) throws IOException {
        if (failedConfirmations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return problem(exchange, 503, "Service Unavailable", "bevestiging tijdelijk niet mogelijk");
        }
        List<String> queue = queues.getOrDefault(party, List.of());
        if (!queue.remove(traceerId)) {
            exchange.sendResponseHeaders(404, -1);
            return 404;
        }
        Bericht bericht = berichten.get(traceerId);
        bericht.confirmedBy.add(party);
        if (bericht.confirmedBy.containsAll(bericht.geadresseerden)) {
            bericht.status("Bezorgd");
        }
        exchange.sendResponseHeaders(202, -1);
        return 202;
    }

    private int statuses(HttpExchange exchange, String party) throws IOException {
        Map<String, String> query = query(exchange);
        String traceerId = query.get("traceerId");
        String conversatieId = query.get("conversatieId");
        if ((traceerId == null) == (conversatieId == null)) {
            return validationProblem(exchange, Map.of("", List.of("Gebruik traceerId of conversatieId")));
        }
        ArrayNode found = JSON.createArrayNode();
        for (Bericht bericht : received()) {
            boolean visible = bericht.afzender.equals(party) || bericht.geadresseerden.contains(party);
            boolean match = traceerId != null ? traceerId.equals(bericht.traceerId) || traceerId.equals(bericht.alsAntwoordOp())
                    : conversatieId.equals(bericht.conversatieId());
            if (visible && match) {
                ObjectNode entry = found.addObject();
                entry.set("referentiegegevens", bericht.metadata.path("referentiegegevens"));
                entry.set("berichtstroom", bericht.metadata.path("routeringgegevens").path("berichtstroom"));
                entry.put("berichtstatus", bericht.status);
                entry.put("berichtstatusGewijzigdOp", OffsetDateTime.ofInstant(bericht.statusOp, AMSTERDAM).toString());
                if (!bericht.meldingen.isEmpty()) {
                    entry.set("meldingen", JSON.valueToTree(bericht.meldingen));
                }
                entry.put("berichtOntvangenOp", OffsetDateTime.ofInstant(bericht.ontvangenOp, AMSTERDAM).toString());
            }
        }
        return json(exchange, 200, found);
    }

    private void slow() {
        if (slowResponses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(slowBy.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String party(HttpsExchange exchange) {
        try {
            X509Certificate certificate = (X509Certificate) exchange.getSSLSession().getPeerCertificates()[0];
            Matcher cn = Pattern.compile("CN=([^,]+)").matcher(certificate.getSubjectX500Principal().getName());
            return cn.find() ? cn.group(1) : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static int limit(HttpExchange exchange) {
        return Integer.parseInt(query(exchange).getOrDefault("limit", "250"));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static int validationProblem(HttpExchange exchange, Map<String, List<String>> errors) throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1");
        problem.put("title", "One or more validation errors occurred.");
        problem.put("status", 400);
        problem.set("errors", JSON.valueToTree(errors));
        return json(exchange, 400, problem);
    }

    private static int problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        return json(exchange, status, problem);
    }

    private static int json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUuid(String value) {
        return value != null && UUID_PATTERN.matcher(value).matches();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
