package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged gateway (the jar {@code mvn package} builds) running as a process of its own, below a test folder, the
 * way it runs in production: started with {@code java -jar}, killed with SIGKILL or stopped with SIGTERM. Its output
 * goes to {@code gateway-<n>.log} in the test folder, one file per start.
 */
public final class GatewayProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final List<String> command;
    private final int port;
    private Process process;
    private int starts;

    public GatewayProcess(Path root, List<String> jvmOptions, String... settings) {
        this.root = root;
        this.port = FreePort.any();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar().toString());
        String[] all = new String[settings.length + 1];
        System.arraycopy(settings, 0, all, 0, settings.length);
        all[settings.length] = "--server.port=" + port;
        cmd.addAll(List.of(RunningGateway.arguments(root, all)));
        this.command = List.copyOf(cmd);
    }

    /** Starts the gateway and waits until its health endpoint answers. */
    public GatewayProcess start() {
        try {
            Files.createDirectories(root);
            starts++;
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(root.resolve("gateway-" + starts + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway stopped while starting; see " + root.resolve("gateway-" + starts + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not become healthy in 90 s");
            }
            sleep(200);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful stop of routes. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    public boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** The operating system's id of the running gateway. */
    public long pid() {
        return process.pid();
    }

    /** What the gateway printed during its n-th start (from 1). */
    public Path output(int start) {
        return root.resolve("gateway-" + start + ".log");
    }

    public int starts() {
        return starts;
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The executable jar of this build: built by the package phase, before the integration tests run. */
    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("berichtenpoort-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/berichtenpoort-*.jar: run mvn package (or verify) first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
