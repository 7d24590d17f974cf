package nl.berichtenpoort.testsupport.vsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.berichtenpoort.Berichtenpoort;

/**
 * The VSP transport to try on one machine: the VSP simulator on https://localhost:8443 with certificates made now in
 * data/vsp-demo, gemeente 0384 as the folders data/vsp-demo/gemeente/in and uit, and the gateway (aanbieder 98025566)
 * with profile vsp-demo. Start it from the project folder with
 * {@code mvn -q spring-boot:test-run -Dspring-boot.run.main-class=nl.berichtenpoort.testsupport.vsp.VspDemo}.
 */
public final class VspDemo implements AutoCloseable {

    private final Path folder;
    private final VspWorld world;
    private final GemeenteFolders gemeente;

    private VspDemo(Path folder, VspWorld world, GemeenteFolders gemeente) {
        this.folder = folder;
        this.world = world;
        this.gemeente = gemeente;
    }

    public static void main(String[] args) {
        VspDemo demo = start(Path.of("data", "vsp-demo"), Integer.parseInt(System.getenv().getOrDefault("VSP_DEMO_PORT", "8443")));
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        List<String> gatewayArgs = new ArrayList<>(demo.gatewayArgs());
        gatewayArgs.addAll(List.of(args));
        System.out.println("VSP demo: simulator on port " + demo.world.simulator().port() + "; gemeente 0384 reads "
                + demo.gemeente.in() + " and sends what you drop in " + demo.gemeente.uit());
        Berichtenpoort.main(gatewayArgs.toArray(String[]::new));
    }

    /** Starts the simulator (port 0: any free port) and the gemeente folders below {@code folder}; not the gateway. */
    public static VspDemo start(Path folder, int port) {
        VspWorld world = VspWorld.start(folder, port);
        return new VspDemo(folder, world, GemeenteFolders.start(world.gemeente(), folder.resolve("gemeente")));
    }

    /** What the gateway needs besides profile vsp-demo's settings: the simulator's port and the keystore passwords. */
    public List<String> gatewayArgs() {
        return List.of(
                "--spring.profiles.active=vsp-demo",
                "--VSP_DEMO_PORT=" + world.simulator().port(),
                "--berichtenpoort.vecozo.vsp.keystore=" + folder.resolve(VspWorld.AANBIEDER + ".p12"),
                "--berichtenpoort.vecozo.vsp.truststore=" + folder.resolve("truststore.p12"),
                "--berichtenpoort.vecozo.vsp.keystore-password=" + TestPki.PASSWORD,
                "--berichtenpoort.vecozo.vsp.truststore-password=" + TestPki.PASSWORD);
    }

    public GemeenteFolders gemeente() {
        return gemeente;
    }

    @Override
    public void close() {
        gemeente.close();
        world.close();
    }
}
