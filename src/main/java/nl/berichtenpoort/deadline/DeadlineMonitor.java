package nl.berichtenpoort.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import nl.berichtenpoort.audit.Audit;
import nl.berichtenpoort.store.Deadline;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.MessageState;
import nl.berichtenpoort.store.MessageStore;
import nl.berichtenpoort.store.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * Finds the deadlines that passed without an answer (run by routes/termijnen.yaml): a heenbericht without its retour
 * becomes RETOUR_TE_LAAT; every overdue deadline gets an audit event, counts in the metric
 * berichtenpoort_termijnen_te_laat_total and stays in the overdue list (/api/termijnen/te-laat) until it is met.
 */
@Component("deadlineMonitor")
public class DeadlineMonitor {

    private final Deadlines deadlines;
    private final MessageStore store;
    private final Audit audit;
    private final Clock clock;
    private final Counter overdue;

    public DeadlineMonitor(Deadlines deadlines, MessageStore store, Audit audit, Clock clock, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.overdue = Counter.builder("berichtenpoort.termijnen.te.laat").description("Deadlines that passed without an answer")
                .register(meters);
        Gauge.builder("berichtenpoort.termijnen.open.te.laat", deadlines, d -> d.overdue().size())
                .description("Overdue deadlines still without an answer").register(meters);
    }

    /** @return how many deadlines passed since the last check */
    public int check() {
        LocalDate today = LocalDate.now(clock);
        int found = 0;
        for (Deadline deadline : deadlines.newlyOverdue(today)) {
            deadlines.markLate(deadline.id());
            StoredMessage message = store.find(deadline.messageId()).orElseThrow();
            String reason = "no " + deadline.kind().name().toLowerCase().replace('_', '-') + " for " + message.berichttype() + " "
                    + message.identificatie() + " by " + deadline.due();
            if (deadline.kind() != Deadline.Kind.ANTWOORD && message.state() == MessageState.VERZONDEN) {
                store.setState(message.id(), MessageState.RETOUR_TE_LAAT, reason);
            }
            audit.record(deadline.kind() == Deadline.Kind.ANTWOORD ? "antwoord-te-laat" : "retour-te-laat", "te-laat", message, reason, null);
            overdue.increment();
            found++;
        }
        return found;
    }
}
