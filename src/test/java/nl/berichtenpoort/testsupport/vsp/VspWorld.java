package nl.berichtenpoort.testsupport.vsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A VSP to test against: a certificate authority made now, the simulator with its server certificate, and system
 * certificates for aanbieder 98025566 (the gateway) and gemeente 0384 (the other party), all below one folder.
 */
public final class VspWorld implements AutoCloseable {

    public static final String AANBIEDER = "98025566";
    public static final String GEMEENTE = "0384";

    private final Path folder;
    private final TestPki authority;
    private final VspSimulator simulator;

    private VspWorld(Path folder, TestPki authority, VspSimulator simulator) {
        this.folder = folder;
        this.authority = authority;
        this.simulator = simulator;
    }

    public static VspWorld start(Path folder) {
        return start(folder, 0);
    }

    public static VspWorld start(Path folder, int port) {
        return start(folder, port, List.of(AANBIEDER, GEMEENTE));
    }

    /** A VSP connecting these parties (AGB codes and gemeentecodes), each with a system certificate of its own. */
    public static VspWorld start(Path folder, int port, List<String> parties) {
        TestPki authority = TestPki.authority("Test VECOZO CA");
        authority.writeTrustStore(folder.resolve("truststore.p12"));
        parties.forEach(party -> authority.writeClient(folder.resolve(party + ".p12"), party));
        VspSimulator simulator = VspSimulator.start(authority, authority.writeServer(folder.resolve("server.p12")), port, parties);
        return new VspWorld(folder, authority, simulator);
    }

    /** The keystore with the system certificate of a party. */
    public Path keystore(String party) {
        return folder.resolve(party + ".p12");
    }

    public VspSimulator simulator() {
        return simulator;
    }

    public TestPki authority() {
        return authority;
    }

    /** Gemeente 0384 on the VSP, with its own certificate. */
    public VspParty gemeente() {
        return new VspParty(simulator, authority, keystore(GEMEENTE), GEMEENTE, "Gemeente");
    }

    /** The settings that point a gateway at this VSP with the aanbieder's certificate (or another keystore). */
    public String[] gatewayArgs(String... more) {
        return gatewayArgs(keystore(AANBIEDER), more);
    }

    public String[] gatewayArgs(Path keystore, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--berichtenpoort.vecozo.transport=vsp",
                "--berichtenpoort.vecozo.vsp.push-url=" + simulator.url(VspSimulator.PUSH),
                "--berichtenpoort.vecozo.vsp.pull-url=" + simulator.url(VspSimulator.PULL),
                "--berichtenpoort.vecozo.vsp.status-url=" + simulator.url(VspSimulator.STATUS),
                "--berichtenpoort.vecozo.vsp.keystore=" + keystore,
                "--berichtenpoort.vecozo.vsp.keystore-password=" + TestPki.PASSWORD,
                "--berichtenpoort.vecozo.vsp.truststore=" + folder.resolve("truststore.p12"),
                "--berichtenpoort.vecozo.vsp.truststore-password=" + TestPki.PASSWORD,
                "--berichtenpoort.vecozo.vsp.connect-timeout=2000",
                "--berichtenpoort.vecozo.vsp.read-timeout=2000",
                "--berichtenpoort.vecozo.vsp.pull-interval=200",
                "--berichtenpoort.vecozo.vsp.status-interval=300"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
