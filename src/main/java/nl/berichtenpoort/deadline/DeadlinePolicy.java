package nl.berichtenpoort.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.store.Deadline;

/**
 * What a sent heenbericht is owed, by when: a retour within 3 working days (OP090), a declaratie-antwoord within 10
 * (OP090x4), and for a request (315, 317) also an answer, a toewijzing or an antwoordbericht, within 5 (OP274, OP346).
 */
public final class DeadlinePolicy {

    private final WorkingDays calendar;

    public DeadlinePolicy(WorkingDays calendar) {
        this.calendar = calendar;
    }

    public record Due(Deadline.Kind kind, LocalDate date) {
    }

    public List<Due> owedFor(MessageType type, LocalDate sent) {
        if (type.isRetour()) {
            return List.of();
        }
        String number = type.name().replaceAll("\\D", "");
        List<Due> due = new ArrayList<>();
        if (number.equals("323")) {
            due.add(new Due(Deadline.Kind.DECLARATIE_ANTWOORD, calendar.add(sent, 10)));
        } else {
            due.add(new Due(Deadline.Kind.RETOUR, calendar.add(sent, 3)));
        }
        if (number.equals("315") || number.equals("317")) {
            due.add(new Due(Deadline.Kind.ANTWOORD, calendar.add(sent, 5)));
        }
        return due;
    }
}
