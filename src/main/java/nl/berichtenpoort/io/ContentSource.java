package nl.berichtenpoort.io;

import java.io.IOException;
import java.io.InputStream;

/** Bytes that can be read more than once, each time from the start: a file, or bytes in memory. */
@FunctionalInterface
public interface ContentSource {
    InputStream open() throws IOException;
}
