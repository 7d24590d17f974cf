package nl.berichtenpoort.gateway;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import nl.berichtenpoort.testsupport.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running gateway for all tests of a class (starting one takes seconds). Tests of such a class share its store,
 * so each uses its own Identificatie (TR056 would refuse a second message under the same one). They replay the same
 * fixtures for one client many times, so sequencing (a 307 waits for the retour of its 305) is off here; SequencingIT
 * tests it.
 */
abstract class SharedGateway {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TempDir
    static Path root;
    static RunningGateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = RunningGateway.start(root, "--berichtenpoort.sequencing.enabled=false");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    /** At most 12 characters and unique within the test run. */
    static String uniqueId() {
        return "IT" + System.currentTimeMillis() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }
}
