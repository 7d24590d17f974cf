package nl.berichtenpoort.testsupport.groenevink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.testsupport.RunningGateway;

/**
 * Plays one Groene Vink scenario against a gateway on port 8080, slowly enough to follow in hawtio, and leaves the
 * gateway running afterwards. Arguments: the scenario (wmo-gaastra), the gateway's role (aanbieder or gemeente, default
 * aanbieder) and the pause between steps in seconds (default 5). Everything lands in data/groene-vink/. Start it with
 * {@code mvn -B spring-boot:test-run -Dspring-boot.run.main-class=nl.berichtenpoort.testsupport.groenevink.ScenarioSpeler
 * -Dspring-boot.run.arguments="wmo-gaastra gemeente"}.
 */
public final class ScenarioSpeler {

    private ScenarioSpeler() {
    }

    public static void main(String[] args) throws InterruptedException {
        Scenario scenario = Scenario.load(args.length > 0 ? args[0] : "wmo-gaastra");
        Role role = Role.fromCode(args.length > 1 ? args[1] : "aanbieder");
        long pause = Long.parseLong(args.length > 2 ? args[2] : "5") * 1000;
        Path root = Path.of("data", "groene-vink", scenario.naam() + "-" + role.code());
        deleteRecursively(root);
        RunningGateway gateway = RunningGateway.start(root, "--server.port=8080", role == Role.AANBIEDER
                ? "--berichtenpoort.agb-code=" + scenario.aanbieder() : "--berichtenpoort.role=gemeente",
                "--berichtenpoort.gemeente-code=" + scenario.gemeente());
        System.out.println("\nGroene Vink " + scenario.titel() + ", gateway als " + role.code() + ". Volg het in hawtio:"
                + " http://localhost:8080/actuator/hawtio (Camel > routes), de berichten in http://localhost:8080/api/berichten"
                + " (inloggen als " + RunningGateway.ADMIN + ", wachtwoord " + RunningGateway.PASSWORD + ")\n");
        Thread.sleep(pause);
        new ScenarioRun(gateway, scenario, role).play(stap -> {
            System.out.println("Stap " + stap.nr() + ": " + scenario.type(stap) + " " + stap.identificatie() + " - " + stap.titel());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.println("\nKlaar: alle stappen geslaagd. De gateway blijft draaien (Ctrl-C stopt hem); bestanden in " + root + "\n");
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
