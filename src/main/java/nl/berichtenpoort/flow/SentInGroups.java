package nl.berichtenpoort.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.berichtenpoort.BerichtenpoortProperties;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks delivered messages sent ({@link Ledger#sent}) in groups: the messages the recording stage delivers within
 * berichtenpoort.store.sent-group-wait, or while the group before is being written, share one store transaction, one
 * commit instead of one each (an H2 commit writes some 40 KB however little it holds). A message's exchange goes on,
 * and its EPD file moves away, only once its group is committed, so a crash before that leaves the file to be read
 * again, as before. A group that fails is written again one message at a time, so one failing message does not fail
 * the others. One thread, groups in delivery order; at most berichtenpoort.polling.in-flight messages wait, then the
 * recording stage waits too.
 */
@Component("sentInGroups")
public class SentInGroups extends AsyncProcessorSupport {

    private record Waiting(Exchange exchange, AsyncCallback callback) {
    }

    private static final ThreadLocal<Boolean> WRITER = ThreadLocal.withInitial(() -> false);

    private final Ledger ledger;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Waiting> waiting;
    private final ExecutorService writer;
    private final long waitNanos;

    public SentInGroups(Ledger ledger, TransactionTemplate transaction, CamelContext camel, BerichtenpoortProperties properties) {
        this.ledger = ledger;
        this.transaction = transaction;
        this.waiting = new LinkedBlockingQueue<>(properties.polling().inFlight());
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(properties.store().sentGroupWait());
        // Camel's own pool: shut down after the routes stopped, so the messages still waiting are written first
        this.writer = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "verzonden-vastleggen");
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (WRITER.get()) {
            // a retry that runs on the writer itself: waiting for the queue it empties would wait forever
            write(List.of(new Waiting(exchange, callback)), true);
            return true;
        }
        try {
            waiting.put(new Waiting(exchange, callback));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        try {
            writer.execute(this::writeWaiting);
        } catch (RejectedExecutionException stopping) {
            writeWaiting();
        }
        return false;
    }

    private void writeWaiting() {
        if (waitNanos > 0 && !waiting.isEmpty()) {
            LockSupport.parkNanos(waitNanos); // for the messages delivered meanwhile to share the commit
        }
        List<Waiting> group = new ArrayList<>();
        waiting.drainTo(group);
        if (group.isEmpty()) {
            return; // an earlier run took them
        }
        WRITER.set(true);
        try {
            write(group, false);
        } finally {
            WRITER.set(false);
        }
    }

    private void write(List<Waiting> group, boolean sync) {
        try {
            transaction.executeWithoutResult(status -> group.forEach(w -> ledger.sent(w.exchange())));
        } catch (RuntimeException groupFailed) {
            for (Waiting w : group) {
                try {
                    ledger.sent(w.exchange());
                } catch (RuntimeException e) {
                    w.exchange().setException(e);
                }
            }
        }
        group.forEach(w -> w.callback().done(sync));
    }
}
