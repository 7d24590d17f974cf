package nl.berichtenpoort.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one ledger step for several exchanges in one store transaction: one commit instead of one each (an H2 commit
 * writes some 40 KB however little it holds). The exchanges that reach the step while the group before is being
 * written, or within the wait, form the next group. An exchange goes on only once its group is committed, in the order
 * the exchanges came, on the thread of the step. A group that fails is written again one exchange at a time, so one
 * failing exchange does not fail the others. At most capacity exchanges wait, then the one handing them over waits too.
 */
public class GroupCommit extends AsyncProcessorSupport {

    private record Waiting(Exchange exchange, AsyncCallback callback) {
    }

    private final ThreadLocal<Boolean> onWriter = ThreadLocal.withInitial(() -> false);
    private final Consumer<Exchange> step;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Waiting> waiting;
    private final ExecutorService writer;
    private final long waitNanos;

    /**
     * @param step the ledger step, transactional itself (it joins the group's transaction, or has its own when alone)
     * @param thread the name of the step's thread (a Camel pool: shut down after the routes stopped, so the exchanges
     *               still waiting are written first)
     */
    public GroupCommit(Consumer<Exchange> step, String thread, TransactionTemplate transaction, CamelContext camel, int capacity,
            long waitMillis) {
        this.step = step;
        this.transaction = transaction;
        this.waiting = new LinkedBlockingQueue<>(capacity);
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        this.writer = camel.getExecutorServiceManager().newSingleThreadExecutor(this, thread);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (onWriter.get()) {
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
            LockSupport.parkNanos(waitNanos); // for the exchanges that come meanwhile to share the commit
        }
        List<Waiting> group = new ArrayList<>();
        waiting.drainTo(group);
        if (group.isEmpty()) {
            return; // an earlier run took them
        }
        onWriter.set(true);
        try {
            write(group, false);
        } finally {
            onWriter.set(false);
        }
    }

    private void write(List<Waiting> group, boolean sync) {
        try {
            transaction.executeWithoutResult(status -> group.forEach(w -> step.accept(w.exchange())));
        } catch (RuntimeException groupFailed) {
            for (Waiting w : group) {
                try {
                    step.accept(w.exchange());
                } catch (RuntimeException e) {
                    w.exchange().setException(e);
                }
            }
        }
        group.forEach(w -> w.callback().done(sync));
    }
}
