package nl.berichtenpoort.flow;

/**
 * VECOZO cannot take a message now for a reason outside the message (server down, timeout, TLS refused, VSP 408/429/5xx):
 * the error policy tries the same message again without end instead of sending it to fout.
 */
public class VecozoUnreachableException extends RuntimeException {

    public VecozoUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
