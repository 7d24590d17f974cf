package nl.berichtenpoort.testsupport.vsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.retour.RetourBuilder;
import nl.berichtenpoort.retour.RetourPlan;
import nl.berichtenpoort.validation.HeaderReader;
import nl.berichtenpoort.validation.UnreadableMessageException;

/**
 * The other party on the VSP in a test (gemeente 0384 by default): its own software, talking to the simulator with its
 * own system certificate. It collects what waits for it (list, payload, confirm), answers a heenbericht with a retour
 * in the same conversation (AlsAntwoordOp its TraceerId), and sends heenberichten of its own.
 */
public final class VspParty {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));

    /** A message this party collected. */
    public record Received(String traceerId, String conversatieId, String alsAntwoordOp, byte[] payload, MessageType type,
                           MessageHeader header) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final VspSimulator simulator;
    private final HttpClient http;
    private final String code;
    private final String rol;

    public VspParty(VspSimulator simulator, TestPki authority, Path keystore, String code, String rol) {
        this.simulator = simulator;
        this.code = code;
        this.rol = rol;
        this.http = HttpClient.newBuilder().sslContext(authority.context(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Lists, downloads and confirms everything waiting for this party. */
    public List<Received> receiveAll() {
        List<Received> received = new ArrayList<>();
        for (JsonNode waiting : waiting()) {
            String traceerId = waiting.path("referentiegegevens").path("traceerId").asText();
            HttpResponse<byte[]> download = send(get(VspSimulator.PULL + "/berichten/" + traceerId + "/payload"));
            if (download.statusCode() != 200) {
                throw new IllegalStateException("payload answered " + download.statusCode() + ": " + new String(download.body(), StandardCharsets.UTF_8));
            }
            byte[] payload = download.body();
            HttpResponse<byte[]> confirmed = send(request(VspSimulator.PULL + "/berichten/" + traceerId).DELETE().build());
            if (confirmed.statusCode() != 202) {
                throw new IllegalStateException("confirm answered " + confirmed.statusCode());
            }
            MessageHeader header = header(payload);
            received.add(new Received(traceerId, waiting.path("referentiegegevens").path("conversatieId").asText(),
                    waiting.path("referentiegegevens").path("alsAntwoordOp").asText(null), payload,
                    REGISTRY.find(header.namespace(), header.berichtCode()).orElseThrow(), header));
        }
        return received;
    }

    /** The list of waiting messages as the pull API gives it, without collecting them. */
    public JsonNode waiting() {
        return JSON.valueToTree(json(send(get(VspSimulator.PULL + "/berichten?limit=250"))));
    }

    /** The waiting messages in one conversation, as POST /berichten/zoeken gives them. */
    public JsonNode waitingInConversation(String conversatieId) {
        String zoekpad = JSON.createObjectNode().put("zoekpadType", "ZoekpadOpConversatieId").put("conversatieId", conversatieId).toString();
        return JSON.valueToTree(json(send(request(VspSimulator.PULL + "/berichten/zoeken?limit=250").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(zoekpad)).build())));
    }

    /** Accepts a heenbericht with its retour (only a header, no RetourCodes), in its conversation. Returns the TraceerId. */
    public String accept(Received heen, String identificatieRetour) {
        MessageType retourType = REGISTRY.counterpartOf(heen.type());
        byte[] retour = new RetourBuilder().build(heen.payload(), heen.type(), retourType, RetourPlan.approved(), identificatieRetour,
                LocalDate.now(), null, new String[] {"1.0.0", "1.0.0"});
        return push(retour, retourType, heen.header().afzender(), heen.conversatieId(), heen.traceerId());
    }

    /** Sends a heenbericht in a new conversation to the Ontvanger in its header. Returns its TraceerId. */
    public String send(byte[] message) {
        return send(message, header(message).ontvanger());
    }

    /** Sends a heenbericht in a new conversation. Returns its TraceerId. */
    public String send(byte[] message, String geadresseerde) {
        MessageHeader header = header(message);
        MessageType type = REGISTRY.find(header.namespace(), header.berichtCode()).orElseThrow();
        return push(message, type, geadresseerde, UUID.randomUUID().toString(), null);
    }

    /** The statuses the berichtstatus API gives for a TraceerId. */
    public JsonNode statuses(String traceerId) {
        return JSON.valueToTree(json(send(get(VspSimulator.STATUS + "/berichtstatussen?traceerId=" + traceerId))));
    }

    private String push(byte[] payload, MessageType type, String geadresseerde, String conversatieId, String alsAntwoordOp) {
        String traceerId = UUID.randomUUID().toString();
        ObjectNode metadata = JSON.createObjectNode();
        ObjectNode routering = metadata.putObject("routeringgegevens");
        routering.putObject("afzender").put("rol", rol).put("code", code);
        routering.putArray("geadresseerden").addObject().put("rol", "Instelling").put("code", geadresseerde);
        routering.putObject("berichtstroom").put("berichttype", type.name()).put("berichtversie", 3).put("berichtsubversie", 2)
                .put("actie", "Indienen");
        ObjectNode referenties = metadata.putObject("referentiegegevens").put("conversatieId", conversatieId).put("traceerId", traceerId);
        if (alsAntwoordOp != null) {
            referenties.put("alsAntwoordOp", alsAntwoordOp);
        }
        String boundary = "grens" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"berichtMetadata\"\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(metadata.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"bericht.xml\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(payload);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(request(VspSimulator.PUSH + "/berichten").header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("push answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return traceerId;
    }

    private static MessageHeader header(byte[] message) {
        try {
            return new HeaderReader().read(new ByteArrayInputStream(message));
        } catch (UnreadableMessageException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.url(path))).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object json(HttpResponse<byte[]> response) {
        try {
            return JSON.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
