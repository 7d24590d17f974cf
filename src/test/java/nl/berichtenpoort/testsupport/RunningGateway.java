package nl.berichtenpoort.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import nl.berichtenpoort.Berichtenpoort;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The real gateway (Spring Boot, Camel, embedded Artemis, H2, hawtio) started in this JVM with every folder, its
 * database and its broker journal below one root folder, on a random port, and the project's config/application.yaml
 * for everything else. Closing it stops it the way an operator would; starting it again on the same root is a restart.
 */
public final class RunningGateway implements AutoCloseable {

    /** The test accounts, one per role, all with {@link #PASSWORD}. */
    public static final String ADMIN = "test-beheerder";
    public static final String OPERATOR = "test-operator";
    public static final String VIEWER = "test-kijker";
    public static final String PASSWORD = "test-wachtwoord-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path root;
    private final ConfigurableApplicationContext context;

    private RunningGateway(Path root, ConfigurableApplicationContext context) {
        this.root = root;
        this.context = context;
    }

    /** Starts the gateway below {@code root}; {@code extra} are more --key=value arguments, overriding the defaults here. */
    public static RunningGateway start(Path root, String... extra) {
        return start(root, null, extra);
    }

    /** One of several gateways side by side in this JVM, below {@code parent/name}: each under its own name in JMX. */
    public static RunningGateway startNamed(Path parent, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.add("--spring.jmx.unique-names=true");
        args.add("--camel.main.name=" + name);
        return start(parent.resolve(name), args.toArray(String[]::new));
    }

    /** As {@link #start(Path, String...)}, with the gateway's clock given by the test. */
    public static RunningGateway start(Path root, Clock clock, String... extra) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Berichtenpoort.class);
        if (clock != null) {
            builder.initializers(c -> c.getBeanFactory().registerSingleton("clock", clock));
        }
        ConfigurableApplicationContext context = builder.run(arguments(root, extra));
        return new RunningGateway(root, context);
    }

    /**
     * The command-line arguments of a test gateway below {@code root}: its folders, database and broker journal there,
     * fast polling, a free port, the test accounts (unless {@code extra} sets berichtenpoort.security itself);
     * {@code extra} overrides any of them.
     */
    public static String[] arguments(Path root, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--berichtenpoort.folders.epd-uit=" + root.resolve("epd/uit"),
                "--berichtenpoort.folders.epd-in=" + root.resolve("epd/in"),
                "--berichtenpoort.folders.vecozo-uit=" + root.resolve("vecozo/uit"),
                "--berichtenpoort.folders.vecozo-in=" + root.resolve("vecozo/in"),
                "--berichtenpoort.folders.afkeur=" + root.resolve("afkeur"),
                "--berichtenpoort.folders.fout=" + root.resolve("fout"),
                "--berichtenpoort.folders.work=" + root.resolve("work"),
                "--berichtenpoort.store.content-folder=" + root.resolve("inhoud"),
                "--berichtenpoort.polling.delay=100",
                "--berichtenpoort.polling.read-lock-min-age=200",
                "--berichtenpoort.polling.read-lock-check-interval=50",
                "--berichtenpoort.redelivery.delay=100",
                "--berichtenpoort.redelivery.maximum-redeliveries=2",
                "--berichtenpoort.outage.delay=100",
                "--berichtenpoort.outage.maximum-delay=1000",
                "--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/berichtenpoort").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--spring.artemis.embedded.data-directory=" + root.resolve("artemis").toAbsolutePath(),
                "--server.port=0"));
        if (Stream.of(extra).noneMatch(arg -> arg.startsWith("--berichtenpoort.security."))) {
            String[][] accounts = {{ADMIN, "admin"}, {OPERATOR, "operator"}, {VIEWER, "viewer"}};
            for (int i = 0; i < accounts.length; i++) {
                String[] account = accounts[i];
                args.add("--berichtenpoort.security.users[" + i + "].name=" + account[0]);
                // taken as it is ({noop}): a bcrypt check on every request of the tests would cost them minutes
                args.add("--berichtenpoort.security.users[" + i + "].password={noop}" + PASSWORD);
                args.add("--berichtenpoort.security.users[" + i + "].role=" + account[1]);
            }
        }
        Collections.addAll(args, extra);
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            byKey.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return byKey.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path root() {
        return root;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Path epdUit() {
        return root.resolve("epd/uit");
    }

    public Path epdIn() {
        return root.resolve("epd/in");
    }

    public Path vecozoUit() {
        return root.resolve("vecozo/uit");
    }

    public Path vecozoIn() {
        return root.resolve("vecozo/in");
    }

    public Path afkeur() {
        return root.resolve("afkeur");
    }

    public Path fout() {
        return root.resolve("fout");
    }

    /** Puts a file in a folder the way a careful writer does: complete under a hidden name, then renamed. */
    public static void drop(Path folder, String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".schrijven-", ".tmp");
            Files.write(temp, content);
            Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regular files below a folder, not counting hidden ones (.verwerkt, temporary names). */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> !hidden(folder, p)).sorted().toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return files(folder); // a file renamed while the folder was read: read it again
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path folder, Path file) {
        for (Path part : folder.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The JSON entries on a queue, browsed (not consumed), oldest first. */
    public List<Map<String, Object>> browse(String queue) {
        EmbeddedActiveMQ broker = context.getBeanProvider(EmbeddedActiveMQ.class).getIfAvailable();
        if (broker == null) {
            return browseOnce(queue);
        }
        // a browser's enumeration ends at the first message not yet in the client's buffer, so under load a browse can
        // stop short of the queue: browse until it sees as many messages as the broker holds
        var held = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        AtomicReference<List<Map<String, Object>>> browsed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browsed.set(browseOnce(queue));
            return held == null || browsed.get().size() >= held.getMessageCount();
        });
        return browsed.get();
    }

    private List<Map<String, Object>> browseOnce(String queue) {
        JmsTemplate jms = context.getBean(JmsTemplate.class);
        List<Map<String, Object>> entries = jms.browse(queue, (session, browser) -> {
            List<Map<String, Object>> found = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                found.add(parse((TextMessage) messages.nextElement()));
            }
            return found;
        });
        return entries == null ? List.of() : entries;
    }

    /** GET on the gateway's own HTTP port; the body as parsed JSON. */
    public Object getJson(String path) {
        return parseJson(getText(path));
    }

    public static Object parseJson(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getText(String path) {
        HttpResponse<String> response = send(request(path, ADMIN).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** One component of /actuator/health (vecozo, jms, db, ...), whether the whole is UP (200) or DOWN (503). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> health(String component) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/actuator/health")).build());
        Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) parseJson(response.body())).get("components");
        return (Map<String, Object>) components.get(component);
    }

    /** A request to the gateway's own HTTP port as one of the test accounts ({@link #ADMIN}, {@link #OPERATOR}, {@link #VIEWER}). */
    public HttpRequest.Builder request(String path, String account) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).header("Authorization", basicLogin(account, PASSWORD));
    }

    /** The value of an Authorization header for HTTP Basic. */
    public static String basicLogin(String account, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST on the gateway's own HTTP port; answers status and body. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path, ADMIN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The store's view of the message with this Identificatie and type, through the operator API. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> message(String type, String identificatie) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) getJson("/api/berichten?identificatie=" + identificatie);
        Map<String, Object> summary = found.stream().filter(m -> type.equals(m.get("type"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type + " " + identificatie + " in the store"));
        return (Map<String, Object>) getJson("/api/berichten/" + summary.get("id"));
    }

    public String state(String type, String identificatie) {
        try {
            return (String) message(type, identificatie).get("state");
        } catch (IllegalStateException notYet) {
            return "";
        }
    }

    /** The events on the audit queue, once those still waiting in the store (moved right after their commit) are on it. */
    public List<Map<String, Object>> auditEvents() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from audit_uit", Long.class) == 0);
        return browse("berichtenpoort.audit");
    }

    /** The audit steps recorded for the message with this Identificatie (or file name), in order. */
    public List<String> stepsOf(String identificatieOrFile) {
        List<Map<String, Object>> events = auditEvents();
        List<String> exchanges = events.stream()
                .filter(e -> identificatieOrFile.equals(e.get("fileName")) || e.get("berichtIdentificatie") instanceof Map<?, ?> id
                        && identificatieOrFile.equals(id.get("identificatie")))
                .map(e -> (String) e.get("exchangeId")).distinct().toList();
        return events.stream().filter(e -> exchanges.contains(e.get("exchangeId"))).map(e -> (String) e.get("step")).toList();
    }

    private static Map<String, Object> parse(TextMessage message) {
        try {
            return JSON.readValue(message.getText(), new TypeReference<>() {
            });
        } catch (JMSException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
