package nl.berichtenpoort.flow;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import nl.berichtenpoort.privacy.PersonalData;
import org.apache.hc.core5.http.NoHttpResponseException;

/** A technical failure in words an operator can act on, with the exception itself behind it. Personal data masked. */
final class TechnicalFailure {

    private TechnicalFailure() {
    }

    static String describe(Throwable failure) {
        String hint = hint(failure);
        return PersonalData.maskBsns((hint == null ? "" : hint + ": ") + failure);
    }

    private static String hint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "the TLS connection failed: the server refused our client certificate, or we do not trust its"
                        + " certificate (check the keystore, the truststore and the certificate's authorisation)";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within the timeout";
            }
            if (cause instanceof ConnectException) {
                return "cannot connect to the server";
            }
            if (cause instanceof SocketException || cause instanceof NoHttpResponseException) {
                return "the server closed the connection: under TLS 1.3 this is how a refused client certificate shows, otherwise"
                        + " the network failed (check the keystore and the certificate's authorisation)";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host name";
            }
        }
        return null;
    }
}
