package nl.berichtenpoort.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import nl.berichtenpoort.BerichtenpoortProperties;
import org.apache.camel.Exchange;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether VECOZO takes our messages, as the outbox connectors (routes/vecozo/&lt;transport&gt;/vecozo-uit.yaml) find it.
 * A failed delivery becomes a {@link VecozoUnreachableException}, which the error policy retries in place, so the
 * message keeps its turn. Shown in /actuator/health as {@code vecozo}: DOWN after the configured number of failed
 * attempts in a row, with since when, the message that waits and the reason; UP at the next delivery. Counted in
 * berichtenpoort_vecozo_pogingen_total by uitkomst.
 */
@Component("vecozo")
public class VecozoConnection implements HealthIndicator {

    private record Outage(Instant since, int attempts, String waiting, String reason) {
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final int downAfter;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;

    public VecozoConnection(BerichtenpoortProperties properties, Clock clock, MeterRegistry meters) {
        this.downAfter = properties.outage().vecozoDownAfter();
        this.clock = clock;
        this.delivered = meters.counter("berichtenpoort.vecozo.pogingen", "uitkomst", "afgeleverd");
        this.failed = meters.counter("berichtenpoort.vecozo.pogingen", "uitkomst", "mislukt");
    }

    /** The connector delivered the message. */
    public void reached() {
        outage.set(null);
        delivered.increment();
    }

    /** The connector could not deliver the message: recorded, and thrown again as {@link VecozoUnreachableException}. */
    public void unreachable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String waiting = exchange.getProperty(Flow.FILE_NAME, String.class);
        String reason = TechnicalFailure.describe(cause);
        Instant now = clock.instant();
        Outage current = outage.updateAndGet(o -> new Outage(o == null ? now : o.since(), o == null ? 1 : o.attempts() + 1, waiting, reason));
        failed.increment();
        throw new VecozoUnreachableException(waiting + " cannot be delivered to VECOZO (attempt " + current.attempts() + " in a row, waiting since "
                + current.since() + "): " + reason, cause);
    }

    @Override
    public Health health() {
        Outage current = outage.get();
        if (current == null) {
            return Health.up().build();
        }
        Health.Builder health = current.attempts() >= downAfter ? Health.down() : Health.up();
        return health.withDetail("since", current.since().toString()).withDetail("failedAttempts", current.attempts())
                .withDetail("waiting", current.waiting()).withDetail("reason", current.reason()).build();
    }
}
