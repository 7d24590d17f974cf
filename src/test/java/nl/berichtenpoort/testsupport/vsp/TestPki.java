package nl.berichtenpoort.testsupport.vsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, standing in for the one behind VECOZO's certificates: it issues the
 * simulator's server certificate (for localhost) and the system certificates of the parties (CN = AGB code or
 * gemeentecode), written as PKCS#12 files. Nothing of it is committed.
 */
public final class TestPki {

    public static final String PASSWORD = "test-wachtwoord";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair key;
    private final X509Certificate certificate;

    private TestPki(String name, KeyPair key, X509Certificate certificate) {
        this.name = name;
        this.key = key;
        this.certificate = certificate;
    }

    /** A new authority. */
    public static TestPki authority(String name) {
        KeyPair key = keyPair();
        X500Name subject = new X500Name("CN=" + name + ", O=Berichtenpoort test");
        JcaX509v3CertificateBuilder builder = builder(subject, subject, key, Duration.ofDays(400));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestPki(name, key, sign(builder, key));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A trust store (PKCS#12) holding this authority. */
    public Path writeTrustStore(Path file) {
        return write(file, store -> store.setCertificateEntry(name, certificate));
    }

    /** The server certificate of localhost (and 127.0.0.1), with its key, as PKCS#12. */
    public Path writeServer(Path file) {
        return writeIssued(file, "localhost", new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}), Duration.ofDays(365));
    }

    /** A party's system certificate (CN = its code), with its key, as PKCS#12. */
    public Path writeClient(Path file, String code) {
        return writeClient(file, code, Duration.ofDays(365));
    }

    public Path writeClient(Path file, String code, Duration validity) {
        return writeIssued(file, code, null, validity);
    }

    /** An SSLContext presenting the certificate in {@code keystore} and trusting this authority. */
    public SSLContext context(Path keystore) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(name, certificate);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path writeIssued(Path file, String commonName, GeneralNames alternativeNames, Duration validity) {
        KeyPair issued = keyPair();
        JcaX509v3CertificateBuilder builder = builder(new X500Name("CN=" + name + ", O=Berichtenpoort test"),
                new X500Name("CN=" + commonName + ", O=Berichtenpoort test"), issued, validity);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509Certificate issuedCertificate = sign(builder, key);
        return write(file, store -> store.setKeyEntry(commonName, issued.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {issuedCertificate, certificate}));
    }

    private interface Entries {
        void add(KeyStore store) throws GeneralSecurityException;
    }

    private static Path write(Path file, Entries entries) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            entries.add(store);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key, Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(validity)), subject, key.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
