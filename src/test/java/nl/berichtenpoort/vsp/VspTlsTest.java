package nl.berichtenpoort.vsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.testsupport.vsp.TestPki;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The TLS side of the VSP connection: our certificate, TLS 1.2+ only, and clear reasons when the keystore is wrong. */
class VspTlsTest {

    private static final TestPki AUTHORITY = TestPki.authority("Test VECOZO CA");

    @TempDir
    Path folder;

    @Test
    void theConnectionPresentsOurCertificateAndSpeaksTls12And13Only() throws Exception {
        BerichtenpoortProperties.Vsp vsp = settings(AUTHORITY.writeClient(folder.resolve("98025566.p12"), "98025566"), TestPki.PASSWORD);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            SSLContext context = VspTls.parameters(vsp).createSSLContext(camel);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            }
            assertThat(context.createSSLEngine().getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
        assertThat(VspTls.clientCertificate(vsp).getSubjectX500Principal().getName()).contains("CN=98025566");
    }

    @Test
    void aWrongPasswordStopsTheStartWithTheKeystoreItConcerns() {
        Path keystore = AUTHORITY.writeClient(folder.resolve("98025566.p12"), "98025566");

        assertThatThrownBy(() -> VspTls.parameters(settings(keystore, "fout-wachtwoord")))
                .hasMessageContaining("cannot open berichtenpoort.vecozo.vsp.keystore " + keystore.toAbsolutePath())
                .hasMessageContaining("wrong password");
    }

    @Test
    void aKeystoreWithoutPrivateKeyStopsTheStart() {
        Path trustStoreOnly = AUTHORITY.writeTrustStore(folder.resolve("alleen-ca.p12"));

        assertThatThrownBy(() -> VspTls.parameters(settings(trustStoreOnly, TestPki.PASSWORD)))
                .hasMessageContaining("holds no private key with its certificate");
    }

    @Test
    void aMissingKeystoreOrPasswordNamesWhatToSet() {
        assertThatThrownBy(() -> VspTls.parameters(VspSettings.bind(Map.of())))
                .hasMessageContaining("berichtenpoort.vecozo.vsp.keystore is required with transport vsp");
        assertThatThrownBy(() -> VspTls.parameters(settings(folder.resolve("98025566.p12"), "")))
                .hasMessageContaining("set BERICHTENPOORT_VECOZO_VSP_KEYSTOREPASSWORD");
        assertThatThrownBy(() -> VspTls.parameters(settings(folder.resolve("nergens.p12"), TestPki.PASSWORD)))
                .hasMessageContaining("nergens.p12 does not exist or cannot be read");
    }

    @Test
    void anAddressWithoutTlsStopsTheStart() {
        Path keystore = AUTHORITY.writeClient(folder.resolve("98025566.p12"), "98025566", Duration.ofDays(400));
        for (String url : new String[] {"push-url", "pull-url", "status-url"}) {
            BerichtenpoortProperties.Vsp plain = VspSettings.bind(Map.of("keystore", keystore.toString(), "keystore-password", TestPki.PASSWORD,
                    url, "http://tst-api.vecozo.nl/acc/berichtenservice"));

            assertThatThrownBy(() -> VspTls.parameters(plain)).as(url)
                    .hasMessageContaining("http://tst-api.vecozo.nl/acc/berichtenservice is not https");
        }
        assertThat(VspTls.parameters(settings(keystore, TestPki.PASSWORD))).isNotNull();
    }

    @Test
    void theHealthCheckWarnsAMonthBeforeTheCertificateExpiresAndIsDownAfter() {
        BerichtenpoortProperties.Vsp vsp = settings(AUTHORITY.writeClient(folder.resolve("98025566.p12"), "98025566", Duration.ofDays(40)),
                TestPki.PASSWORD);
        Instant now = Instant.now();

        Health fine = health(vsp, now);
        Health soon = health(vsp, now.plus(Duration.ofDays(15)));
        Health expired = health(vsp, now.plus(Duration.ofDays(41)));

        assertThat(fine.getStatus()).isEqualTo(Status.UP);
        assertThat(fine.getDetails()).doesNotContainKey("warning").containsKey("validUntil");
        assertThat(soon.getStatus()).isEqualTo(Status.UP);
        assertThat((String) soon.getDetails().get("warning")).contains("expires on");
        assertThat(expired.getStatus()).isEqualTo(Status.DOWN);
    }

    private static Health health(BerichtenpoortProperties.Vsp vsp, Instant at) {
        return new VspCertificateHealth(VspTls.clientCertificate(vsp), Clock.fixed(at, ZoneOffset.UTC)).health();
    }

    private BerichtenpoortProperties.Vsp settings(Path keystore, String password) {
        return VspSettings.bind(Map.of("keystore", keystore.toString(), "keystore-password", password));
    }
}
