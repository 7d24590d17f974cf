package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.ADMIN;
import static nl.berichtenpoort.testsupport.RunningGateway.OPERATOR;
import static nl.berichtenpoort.testsupport.RunningGateway.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Suite 6, access: health is open; everything else over HTTP needs a login, and what a login may do follows its role
 * (viewer &lt; operator &lt; admin).
 */
class AccessIT extends SharedGateway {

    private static long deadLetter;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void aDeadLetter() {
        RunningGateway.drop(gateway.epdUit(), "kapot.xml", "<geen-bericht/>".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> entry = await().atMost(Duration.ofSeconds(20)).until(() -> ((List<Map<String, Object>>) gateway.getJson("/api/dead-letters"))
                .stream().filter(e -> "kapot.xml".equals(e.get("fileName"))).findFirst().orElse(null), e -> e != null);
        deadLetter = ((Number) entry.get("id")).longValue();
    }

    @Test
    void healthIsOpenToAll() {
        HttpResponse<String> health = RunningGateway.send(anonymous("/actuator/health").build());

        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"status\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/berichten", "/api/dead-letters", "/api/termijnen/te-laat", "/actuator/prometheus", "/actuator/info",
            "/actuator/hawtio/", "/actuator/jolokia/version"})
    void everythingElseNeedsALogin(String path) {
        assertThat(RunningGateway.send(anonymous(path).build()).statusCode()).as("without a login").isEqualTo(401);
        assertThat(RunningGateway.send(anonymous(path).header("Authorization", RunningGateway.basicLogin(ADMIN, "wrong-password")).build()).statusCode())
                .as("with a wrong password").isEqualTo(401);
    }

    @Test
    void aViewerSeesTheOverviewsAndMetricsButNoMessageContentsNoActionsAndNoJmx() {
        assertThat(get("/api/berichten", VIEWER)).isEqualTo(200);
        assertThat(get("/api/dead-letters", VIEWER)).isEqualTo(200);
        assertThat(get("/api/termijnen/te-laat", VIEWER)).isEqualTo(200);
        assertThat(get("/actuator/prometheus", VIEWER)).isEqualTo(200);

        assertThat(get("/api/dead-letters/" + deadLetter, VIEWER)).as("the original, with personal data").isEqualTo(403);
        assertThat(close(VIEWER).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/hawtio/", VIEWER)).isEqualTo(403);
        assertThat(get("/actuator/jolokia/version", VIEWER)).isEqualTo(403);
    }

    @Test
    void anOperatorReadsADeadLetterAndClosesItUnderItsOwnNameButHasNoJmx() {
        HttpResponse<String> detail = RunningGateway.send(gateway.request("/api/dead-letters/" + deadLetter, OPERATOR).build());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("<geen-bericht/>");

        HttpResponse<String> closed = close(OPERATOR);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(closed.body()).contains("\"handledBy\":\"" + OPERATOR + "\"");

        assertThat(get("/actuator/hawtio/", OPERATOR)).isEqualTo(403);
        assertThat(get("/actuator/jolokia/version", OPERATOR)).isEqualTo(403);
    }

    @Test
    void anAdminUsesHawtioAndJolokia() {
        assertThat(get("/actuator/hawtio/", ADMIN)).isEqualTo(200);
        assertThat(get("/actuator/jolokia/version", ADMIN)).isEqualTo(200);
    }

    @Test
    void aResendOnlyTakesXmlSoAFormOnAnotherSiteCannotTriggerIt() {
        HttpResponse<String> resent = RunningGateway.send(gateway.request("/api/dead-letters/" + deadLetter + "/opnieuw-verzenden", OPERATOR)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build());

        assertThat(resent.statusCode()).isEqualTo(415);
    }

    private static int get(String path, String account) {
        return RunningGateway.send(gateway.request(path, account).build()).statusCode();
    }

    private static HttpResponse<String> close(String account) {
        return RunningGateway.send(gateway.request("/api/dead-letters/" + deadLetter + "/sluiten", account).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"opmerking\":\"test: toegang\"}")).build());
    }

    private static HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
    }
}
