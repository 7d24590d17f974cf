package nl.berichtenpoort.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A TCP port nobody listens on right now, for a server a test starts (and may stop and start again on it). */
public final class FreePort {

    private FreePort() {
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
