package nl.berichtenpoort.gateway;

import static nl.berichtenpoort.testsupport.RunningGateway.drop;
import static nl.berichtenpoort.testsupport.RunningGateway.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.FreePort;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.SftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VECOZO mailbox as an SFTP server (profile sftp), against a real in-process SSHD server with strict host key
 * checking: password and key login, both directions, and a server that is down at first and comes up later.
 */
class SftpTransportIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "g3h#im&x=1 %";

    @TempDir
    Path root;

    @Test
    void withAPasswordOutboundMessagesAreUploadedAndInboundOnesFetched() throws IOException {
        try (SftpServer sftp = SftpServer.start(root.resolve("sftp"), 0, PASSWORD, null);
             RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), sftpArgs(sftp.port(),
                     "--berichtenpoort.vecozo.sftp.password=" + PASSWORD,
                     "--berichtenpoort.vecozo.sftp.known-hosts-file=" + sftp.writeKnownHosts(root.resolve("known_hosts"))))) {
            byte[] outbound = Fixtures.bytes("WMO315");
            byte[] inbound = Fixtures.withoutReferentieAanbieder(Fixtures.text("JW301")).getBytes(java.nio.charset.StandardCharsets.UTF_8);

            drop(gateway.epdUit(), "verzoek.xml", outbound);
            drop(sftp.files().resolve("in"), "toewijzing.xml", inbound);

            Path uploaded = sftp.files().resolve("uit/WMO315_98025566_T315-000401.xml");
            await().atMost(WAIT).until(() -> Files.exists(uploaded));
            assertThat(uploaded).hasBinaryContent(outbound);
            Path fetched = gateway.epdIn().resolve("JW301_0384_T301-000101.xml");
            await().atMost(WAIT).until(() -> Files.exists(fetched));
            assertThat(fetched).hasBinaryContent(inbound);
            await().atMost(WAIT).until(() -> !Files.exists(sftp.files().resolve("in/toewijzing.xml")));
            await().atMost(WAIT).until(() -> Files.exists(sftp.files().resolve("uit/JW302_98025566_BP0000000001.xml")));
            assertThat(files(sftp.files().resolve("in"))).isEmpty();
            assertThat(sftp.files().resolve("in/.verwerkt")).isDirectory();
            await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.stepsOf("T315-000401")).containsExactly("ontvangen", "gevalideerd", "verzonden"));
        }
    }

    @Test
    void withAPrivateKeyTheGatewayLogsInWithoutPassword() throws IOException {
        Path key = root.resolve("id_rsa");
        var pair = SftpServer.clientKey(key);
        try (SftpServer sftp = SftpServer.start(root.resolve("sftp"), 0, null, pair.getPublic());
             RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), sftpArgs(sftp.port(),
                     "--berichtenpoort.vecozo.sftp.private-key-file=" + key,
                     "--berichtenpoort.vecozo.sftp.known-hosts-file=" + sftp.writeKnownHosts(root.resolve("known_hosts"))))) {

            drop(gateway.epdUit(), "stop.xml", Fixtures.bytes("JW307"));

            Path uploaded = sftp.files().resolve("uit/JW307_98025566_T307-000301.xml");
            await().atMost(WAIT).until(() -> Files.exists(uploaded));
            assertThat(uploaded).hasBinaryContent(Fixtures.bytes("JW307"));
        }
    }

    @Test
    void aServerThatIsDownAtFirstGetsEverythingOnceItComesUp() throws IOException, InterruptedException {
        int port = FreePort.any();
        SftpServer first = SftpServer.start(root.resolve("sftp"), port, PASSWORD, null);
        Path knownHosts = first.writeKnownHosts(root.resolve("known_hosts"));
        first.close();
        try (RunningGateway gateway = RunningGateway.start(root.resolve("gateway"), sftpArgs(port,
                "--berichtenpoort.vecozo.sftp.password=" + PASSWORD,
                "--berichtenpoort.vecozo.sftp.known-hosts-file=" + knownHosts,
                "--berichtenpoort.outage.delay=250",
                "--berichtenpoort.outage.maximum-delay=1000"))) {
            drop(gateway.epdUit(), "start.xml", Fixtures.bytes("WMO305"));
            drop(root.resolve("sftp/mailbox/in"), "toewijzing.xml", Fixtures.withoutReferentieAanbieder(Fixtures.text("WMO301"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Thread.sleep(3000);
            assertThat(files(root.resolve("sftp/mailbox/uit"))).isEmpty();

            try (SftpServer sftp = SftpServer.start(root.resolve("sftp"), port, PASSWORD, null)) {
                await().atMost(WAIT).until(() -> Files.exists(sftp.files().resolve("uit/WMO305_98025566_T305-000201.xml")));
                await().atMost(WAIT).until(() -> Files.exists(gateway.epdIn().resolve("WMO301_0384_T301-000101.xml")));
                await().atMost(WAIT).until(() -> Files.exists(sftp.files().resolve("uit/WMO302_98025566_BP0000000001.xml")));
                assertThat(files(gateway.fout())).isEmpty();
            }
        }
    }

    private static String[] sftpArgs(int port, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.profiles.active=sftp",
                "--berichtenpoort.vecozo.sftp.host=localhost",
                "--berichtenpoort.vecozo.sftp.port=" + port,
                "--berichtenpoort.vecozo.sftp.username=" + SftpServer.USER));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
