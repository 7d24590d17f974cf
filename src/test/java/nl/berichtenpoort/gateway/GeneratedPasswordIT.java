package nl.berichtenpoort.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.berichtenpoort.testsupport.GatewayProcess;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No password ships with the gateway: the packaged gateway without any account creates the account admin at its
 * first start, prints the password that once, keeps only its hash, and takes the same password after a restart.
 */
class GeneratedPasswordIT {

    private static final Pattern PRINTED = Pattern.compile("Its password, shown this once: (\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void withoutAccountsTheFirstStartPrintsAGeneratedAdminPasswordOnceAndKeepsOnlyItsHash() throws Exception {
        Path hashFile = root.resolve("data/admin-wachtwoord.bcrypt");
        GatewayProcess gateway = new GatewayProcess(root, List.of("-Xmx256m"), "--berichtenpoort.security.generated-password=" + hashFile);
        String password;
        try {
            gateway.start();
            Matcher printed = PRINTED.matcher(Files.readString(gateway.output(1)));
            assertThat(printed.find()).as("the password is printed at the first start").isTrue();
            password = printed.group(1);
            assertThat(password).hasSize(20);
            assertThat(status(gateway, "admin", password)).isEqualTo(200);
            assertThat(status(gateway, "admin", "admin")).isEqualTo(401);
            assertThat(Files.readString(hashFile)).startsWith("{bcrypt}").doesNotContain(password);
        } finally {
            gateway.stop();
        }

        try {
            gateway.start();
            assertThat(Files.readString(gateway.output(2))).doesNotContain(password).doesNotContain("shown this once");
            assertThat(status(gateway, "admin", password)).isEqualTo(200);
        } finally {
            gateway.stop();
        }
    }

    private static int status(GatewayProcess gateway, String account, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/berichten"))
                .header("Authorization", RunningGateway.basicLogin(account, password)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
