package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache Artemis broker from the distribution (unpacked by the build into target/artemis, named by the
 * system property artemis.home): a broker instance created below a folder with login required, started and stopped
 * as a process of its own. Its journal lives in the instance, so what it held survives a stop.
 */
public final class StandaloneArtemis implements AutoCloseable {

    public static final String USER = "berichtenpoort";
    public static final String PASSWORD = "broker-geheim";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path instance;
    private final int port;
    private Process process;

    private StandaloneArtemis(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** Creates a broker instance (artemis create) listening on a free port of this machine only. */
    public static StandaloneArtemis create(Path instance) {
        String home = System.getProperty("artemis.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution at artemis.home=" + home + "; run through mvn verify, which unpacks it");
        }
        int port = FreePort.any();
        run(List.of(Path.of(home, "bin/artemis").toString(), "create", instance.toString(), "--silent", "--user", USER, "--password", PASSWORD,
                "--require-login", "--host", "127.0.0.1", "--default-port", String.valueOf(port), "--no-web", "--no-amqp-acceptor",
                "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", "--nio", "--no-autotune"), instance.resolveSibling("create.log"));
        return new StandaloneArtemis(instance, port);
    }

    /** The settings that point a gateway at this broker instead of its embedded one. */
    public String[] gatewayArgs() {
        return new String[] {"--spring.artemis.mode=native", "--spring.artemis.broker-url=tcp://127.0.0.1:" + port,
                "--spring.artemis.user=" + USER, "--spring.artemis.password=" + PASSWORD};
    }

    /** Starts the broker (artemis run) and waits until it takes connections. */
    public void start() {
        try {
            process = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolve("run.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Artemis did not start; see " + instance.resolve("run.log"));
            }
            sleep(200);
        }
    }

    /** Stops the broker the way an operator would (SIGTERM: a clean shutdown) and waits until it is gone. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) {
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
                throw new IllegalStateException("artemis create failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
