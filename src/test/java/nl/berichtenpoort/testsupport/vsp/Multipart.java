package nl.berichtenpoort.testsupport.vsp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of multipart/form-data (RFC 7578) for the simulator: every part must have a Content-Disposition
 * form-data with a name; anything malformed is an error, so the gateway's requests are held to the format.
 */
final class Multipart {

    record Part(String name, String contentType, String fileName, byte[] content) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)multipart/form-data\\s*;.*boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)form-data\\s*;(?:.*;)?\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private Multipart() {
    }

    static Map<String, Part> parse(String contentType, byte[] body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !boundary.find()) {
            throw new IllegalArgumentException("Content-Type is not multipart/form-data with a boundary: " + contentType);
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("no boundary in the body");
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return parts;
            }
            if (!startsWith(body, afterDelimiter, "\r\n")) {
                throw new IllegalArgumentException("boundary not followed by CRLF");
            }
            int headersStart = afterDelimiter + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("part without end of headers");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw new IllegalArgumentException("malformed part header: " + line);
                }
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("part without closing boundary");
            }
            String disposition = headers.get("content-disposition");
            Matcher name = disposition == null ? null : NAME.matcher(disposition);
            if (name == null || !name.find()) {
                throw new IllegalArgumentException("part without Content-Disposition form-data name: " + headers);
            }
            Matcher fileName = FILE_NAME.matcher(disposition);
            parts.put(name.group(1), new Part(name.group(1), headers.get("content-type"), fileName.find() ? fileName.group(1) : null,
                    Arrays.copyOfRange(body, contentStart, next)));
            at = next + 2;
        }
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return at + bytes.length <= body.length && Arrays.equals(body, at, at + bytes.length, bytes, 0, bytes.length);
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        outer:
        for (int i = from; i <= body.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (body[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
