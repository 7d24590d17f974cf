package nl.berichtenpoort.vsp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The VECOZO system certificate in /actuator/health (vspCertificate): DOWN once it expired (no call to VECOZO can
 * succeed then), UP with a warning from 30 days before, so that it is renewed in time.
 */
public class VspCertificateHealth implements HealthIndicator {

    private static final Duration WARNING = Duration.ofDays(30);

    private final X509Certificate certificate;
    private final Clock clock;

    public VspCertificateHealth(X509Certificate certificate, Clock clock) {
        this.certificate = certificate;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        boolean valid = !now.isAfter(notAfter) && !now.isBefore(certificate.getNotBefore().toInstant());
        Health.Builder health = valid ? Health.up() : Health.down();
        health.withDetail("subject", certificate.getSubjectX500Principal().getName()).withDetail("validUntil", notAfter.toString());
        if (now.plus(WARNING).isAfter(notAfter)) {
            health.withDetail("warning", "the VECOZO system certificate expires on " + notAfter + "; renew it in time");
        }
        return health.build();
    }
}
