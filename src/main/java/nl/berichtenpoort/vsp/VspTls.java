package nl.berichtenpoort.vsp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import nl.berichtenpoort.BerichtenpoortProperties;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The TLS side of the VSP connection: our VECOZO system certificate as client certificate (from a PKCS#12 keystore),
 * the trusted server certificates (a trust store, or the JDK's authorities), and TLS 1.2 and 1.3 only. The keystore is
 * opened at start, so a wrong path, a wrong password or a file without a private key stops the gateway with a reason
 * instead of failing at the first message.
 */
public final class VspTls {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private VspTls() {
    }

    /** The TLS settings of the https component; the VSP is only ever spoken over mutual TLS, so anything less stops the start. */
    public static SSLContextParameters parameters(BerichtenpoortProperties.Vsp vsp) {
        for (URI url : List.of(vsp.pushUrl(), vsp.pullUrl(), vsp.statusUrl())) {
            if (!"https".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalStateException("the VSP address " + url + " is not https: the VSP-Koppeling is only spoken over mutual TLS");
            }
        }
        clientCertificate(vsp);
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(keyStore(vsp.keystore(), vsp.keystoreType(), vsp.keystorePassword()));
        keyManagers.setKeyPassword(vsp.keystorePassword());
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keyManagers);
        if (vsp.truststore() != null) {
            load(vsp.truststore(), vsp.truststoreType(), vsp.truststorePassword(), "truststore");
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(keyStore(vsp.truststore(), vsp.truststoreType(), vsp.truststorePassword()));
            parameters.setTrustManagers(trustManagers);
        }
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(PROTOCOLS);
        parameters.setSecureSocketProtocols(protocols);
        return parameters;
    }

    /** The certificate of the (first) private key in the keystore: the one presented to VECOZO. */
    public static X509Certificate clientCertificate(BerichtenpoortProperties.Vsp vsp) {
        if (vsp.keystore() == null) {
            throw new IllegalStateException("berichtenpoort.vecozo.vsp.keystore is required with transport vsp: the PKCS#12 file with"
                    + " the VECOZO system certificate and its private key");
        }
        if (vsp.keystorePassword() == null || vsp.keystorePassword().isEmpty()) {
            throw new IllegalStateException("the password of " + vsp.keystore() + " is not set: set BERICHTENPOORT_VECOZO_VSP_KEYSTOREPASSWORD");
        }
        KeyStore store = load(vsp.keystore(), vsp.keystoreType(), vsp.keystorePassword(), "keystore");
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return certificate;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + vsp.keystore() + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("berichtenpoort.vecozo.vsp.keystore " + vsp.keystore() + " holds no private key with its"
                + " certificate; the VECOZO system certificate must be exported with its key (.p12 or .pfx)");
    }

    private static KeyStore load(Path file, String type, String password, String what) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("berichtenpoort.vecozo.vsp." + what + " " + file.toAbsolutePath() + " does not exist or cannot be read");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open berichtenpoort.vecozo.vsp." + what + " " + file.toAbsolutePath() + " as " + type
                    + " (wrong password or not a " + type + " file): " + e.getMessage(), e);
        }
    }

    private static KeyStoreParameters keyStore(Path file, String type, String password) {
        KeyStoreParameters parameters = new KeyStoreParameters();
        parameters.setResource("file:" + file.toAbsolutePath());
        parameters.setType(type);
        parameters.setPassword(password);
        return parameters;
    }
}
