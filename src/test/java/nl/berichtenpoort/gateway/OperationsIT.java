package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator sees: hawtio with the routes and queues, health with Camel's checks, Prometheus route metrics. */
class OperationsIT extends SharedGateway {

    @BeforeAll
    static void dropAStartMessage() {
        drop(gateway.epdUit(), "start.xml", Fixtures.bytes("WMO305"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(gateway.vecozoUit().resolve("WMO305_98025566_T305-000201.xml")));
    }

    @Test
    void hawtioAnswers() throws Exception {
        HttpResponse<String> page = get("/actuator/hawtio/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void hawtiosJolokiaListsEveryRouteOfTheGatewayByItsId() throws Exception {
        HttpResponse<String> routes = get("/actuator/jolokia/search/org.apache.camel:type=routes,*");

        assertThat(routes.statusCode()).isEqualTo(200);
        for (String route : new String[] {"epd-uit", "uitgaand", "vecozo-uit", "vecozo-map-in", "inkomend", "epd-in", "afkeur", "fout"}) {
            assertThat(routes.body()).contains("name=\\\"" + route + "\\\"");
        }
    }

    @Test
    void hawtiosJolokiaShowsTheAuditQueueWithTheEventsOfTheDroppedMessage() throws Exception {
        HttpResponse<String> count = get("/actuator/jolokia/read/org.apache.activemq.artemis:broker=*,component=addresses,"
                + "address=%22berichtenpoort.audit%22,subcomponent=queues,routing-type=%22anycast%22,queue=%22berichtenpoort.audit%22/MessageCount");

        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("\"MessageCount\":3");
    }

    @Test
    void healthIsUpWithCamelsChecks() throws Exception {
        // Camel's consumer checks are DOWN until the first poll of each folder is over, not just its first file
        HttpResponse<String> health = await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health"), r -> r.statusCode() == 200);

        assertThat(health.body()).startsWith("{\"status\":\"UP\"").contains("\"camelHealth\"", "\"jms\"", "\"db\"");
    }

    @Test
    void prometheusShowsRouteMetricsPerRoute() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"uitgaand\"[^}]*} 1\\.0");
    }

    private static HttpResponse<String> get(String path) {
        return RunningGateway.send(gateway.request(path, RunningGateway.ADMIN).build());
    }
}
