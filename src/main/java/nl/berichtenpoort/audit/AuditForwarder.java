package nl.berichtenpoort.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.berichtenpoort.BerichtenpoortProperties;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the audit events written in the store to the durable audit queue, oldest first. Each batch is one broker
 * transaction, deleted from the store once the broker committed it: a crash between the two puts that batch on the
 * queue again (an event twice, never an event missing; its eventId tells the copies apart). While the broker is down
 * the events wait in the store, counted by the gauge berichtenpoort_audit_wachtend; the log says once that they wait
 * and once that they went on.
 */
@Component("auditForwarder")
public class AuditForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(AuditForwarder.class);

    private final JdbcTemplate jdbc;
    private final JmsTemplate jms;
    private final String queue;
    private final int batchSize;
    private volatile boolean waiting;
    /** Its own thread: the commit that wrote the events goes on at once. */
    private final ScheduledExecutorService soon;
    private final long delayMillis;
    private final AtomicBoolean wanted = new AtomicBoolean();

    public AuditForwarder(JdbcTemplate jdbc, ConnectionFactory connections, BerichtenpoortProperties properties, MeterRegistry meters,
                          Audit audit, CamelContext camel) {
        this.jdbc = jdbc;
        this.jms = new JmsTemplate(connections);
        this.jms.setSessionTransacted(true);
        this.queue = properties.queues().audit();
        this.batchSize = properties.audit().forwardBatchSize();
        Gauge.builder("berichtenpoort.audit.wachtend", this::waitingEvents)
                .description("Audit events written in the store and not yet on the audit queue")
                .register(meters);
        this.soon = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "audit-doorsturen");
        this.delayMillis = properties.audit().forwardDelay().toMillis();
        audit.whenWritten(this::forwardSoon);
    }

    /**
     * Moves the events on after the forward-delay, on the forwarder's thread: once for any number of calls made before
     * it started, so under load one run takes the events of many commits. The timer route (forward-interval) tries
     * again what waits for the broker.
     */
    public void forwardSoon() {
        if (wanted.compareAndSet(false, true)) {
            try {
                soon.schedule(() -> {
                    wanted.set(false);
                    try {
                        forward();
                    } catch (RuntimeException e) {
                        // the store is unreachable (or closing): the timer route tries again
                        LOG.warn("Audit events wait in the store: {}", e.getMessage());
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                wanted.set(false); // shutting down: the events wait in the store for the next start
            }
        }
    }

    /** Moves every event waiting in the store to the queue; returns how many. One run at a time: an event goes once. */
    public synchronized int forward() {
        int forwarded = 0;
        try {
            List<Row> batch;
            do {
                batch = jdbc.query("select id, gebeurtenis, stap, berichttype, identificatie, exchange_id from audit_uit order by id"
                                + " fetch first " + batchSize + " rows only",
                        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                if (!batch.isEmpty()) {
                    send(batch);
                    jdbc.batchUpdate("delete from audit_uit where id = ?", batch.stream().map(row -> new Object[] {row.id()}).toList());
                    forwarded += batch.size();
                }
            } while (batch.size() == batchSize);
        } catch (JmsException e) {
            if (!waiting) {
                LOG.warn("Audit events wait in the store until the broker takes them again: {}", e.getMessage());
                waiting = true;
            }
            return forwarded;
        }
        if (waiting) {
            LOG.info("The broker takes audit events again; {} waiting events are on the audit queue", forwarded);
            waiting = false;
        }
        return forwarded;
    }

    private void send(List<Row> batch) {
        jms.execute(session -> {
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Row row : batch) {
                    TextMessage message = session.createTextMessage(row.event());
                    message.setStringProperty("step", row.step());
                    message.setStringProperty("type", row.type());
                    message.setStringProperty("identificatie", row.identificatie());
                    message.setStringProperty("exchangeId", row.exchangeId());
                    producer.send(message);
                }
                session.commit();
            } catch (RuntimeException | JMSException e) {
                session.rollback();
                throw e;
            }
            return null;
        });
    }

    private double waitingEvents() {
        Long count = jdbc.queryForObject("select count(*) from audit_uit", Long.class);
        return count == null ? 0 : count;
    }

    private record Row(long id, String event, String step, String type, String identificatie, String exchangeId) {
    }
}
