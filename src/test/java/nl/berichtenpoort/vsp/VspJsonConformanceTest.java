package nl.berichtenpoort.vsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import nl.berichtenpoort.SharedReference;
import nl.berichtenpoort.message.MessageHeader;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.store.VspReferences;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.vsp.OpenApiSchema;
import nl.berichtenpoort.testsupport.vsp.VspParty;
import nl.berichtenpoort.testsupport.vsp.VspWorld;
import nl.berichtenpoort.validation.HeaderReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON the gateway sends and the simulator answers, checked against VECOZO's own OpenAPI descriptions in
 * ../shared/vecozo/openapi: the gateway's berichtMetadata against push v1, the simulator's list against pull v1 and its
 * statuses against berichtstatus v2. So neither side drifts from the specification, whatever the other does.
 */
class VspJsonConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageTypeRegistry REGISTRY = MessageTypeRegistry.load(Path.of("xsd"));

    @TempDir
    Path folder;

    @Test
    void theMetadataOfAHeenberichtAndOfItsRetourConformToPushV1() throws Exception {
        OpenApiSchema push = OpenApiSchema.load(SharedReference.vspOpenApi("VSP-Koppeling_Berichtuitwisseling_REST_Push"));
        VspEnvelope envelope = new VspEnvelope(VspSettings.bind(Map.of()));
        String heenTraceer = UUID.randomUUID().toString();

        JsonNode heen = metadata(envelope, "JW315", new VspReferences(heenTraceer, UUID.randomUUID().toString(), null));
        JsonNode retour = metadata(envelope, "JW302", new VspReferences(UUID.randomUUID().toString(), UUID.randomUUID().toString(), heenTraceer));

        assertThat(push.violations("BerichtMetadata", heen)).isEmpty();
        assertThat(push.violations("BerichtMetadata", retour)).isEmpty();
        assertThat(retour.path("routeringgegevens").path("afzender").path("rol").asText()).isEqualTo("Instelling");
        assertThat(retour.path("referentiegegevens").path("alsAntwoordOp").asText()).isEqualTo(heenTraceer);
    }

    @Test
    void theCheckFindsMetadataThatBreaksTheSpecification() throws Exception {
        OpenApiSchema push = OpenApiSchema.load(SharedReference.vspOpenApi("VSP-Koppeling_Berichtuitwisseling_REST_Push"));
        ObjectNode broken = (ObjectNode) metadata(new VspEnvelope(VspSettings.bind(Map.of())), "WMO315",
                new VspReferences("geen-uuid", UUID.randomUUID().toString(), null));
        broken.put("extra", true);

        assertThat(push.violations("BerichtMetadata", broken))
                .containsExactlyInAnyOrder("$.referentiegegevens.traceerId: not a uuid: geen-uuid", "$: extra is not allowed (additionalProperties false)");
    }

    @Test
    void theSimulatorListsAndFindsWaitingMessagesAsPullV1AndGivesStatusesAsBerichtstatusV2() {
        OpenApiSchema pull = OpenApiSchema.load(SharedReference.vspOpenApi("VSP-Koppeling_Berichtuitwisseling_REST_Pull"));
        OpenApiSchema status = OpenApiSchema.load(SharedReference.vspOpenApi("VSP-Koppeling_Berichtstatus_REST_Pull"));
        try (VspWorld vsp = VspWorld.start(folder)) {
            VspParty gemeente = vsp.gemeente();
            VspParty aanbieder = new VspParty(vsp.simulator(), vsp.authority(), folder.resolve(VspWorld.AANBIEDER + ".p12"),
                    VspWorld.AANBIEDER, "Instelling");
            String traceerId = gemeente.send(Fixtures.bytes("WMO301"), VspWorld.AANBIEDER);

            JsonNode waiting = aanbieder.waiting();
            JsonNode found = aanbieder.waitingInConversation(waiting.get(0).path("referentiegegevens").path("conversatieId").asText());
            JsonNode statuses = gemeente.statuses(traceerId);

            assertThat(waiting).hasSize(1);
            assertThat(pull.arrayViolations("BerichtMetadata", waiting)).isEmpty();
            assertThat(found).isEqualTo(waiting);
            assertThat(aanbieder.waitingInConversation(UUID.randomUUID().toString())).isEmpty();
            assertThat(statuses).hasSize(1);
            assertThat(status.arrayViolations("BerichtstatusGegevens", statuses)).isEmpty();
            assertThat(statuses.get(0).path("berichtstatus").asText()).isEqualTo("Aangeboden");
        }
    }

    private static JsonNode metadata(VspEnvelope envelope, String type, VspReferences references) throws Exception {
        MessageHeader header = new HeaderReader().read(new ByteArrayInputStream(Fixtures.bytes(type)));
        MessageType messageType = REGISTRY.find(header.namespace(), header.berichtCode()).orElseThrow();
        return JSON.valueToTree(envelope.of(messageType, header, MessageIdentity.of(header), references));
    }
}
