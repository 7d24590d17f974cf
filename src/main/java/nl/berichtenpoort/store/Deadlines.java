package nl.berichtenpoort.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The deadlines of the messages we sent, in the store. */
public class Deadlines {

    private static final String COLUMNS = "id, bericht_id, soort, uiterlijk, vervuld_door, vervuld_op, te_laat_sinds";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Deadlines(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void open(long messageId, Deadline.Kind kind, LocalDate due) {
        jdbc.update("insert into termijn (bericht_id, soort, uiterlijk) values (?, ?, ?)", messageId, kind.name(), due);
    }

    /** Marks the open deadline of this kind as met by {@code answerId}; returns it, or empty when there was none. */
    public Optional<Deadline> fulfil(long messageId, Deadline.Kind kind, long answerId) {
        Optional<Deadline> open = jdbc.query("select " + COLUMNS + " from termijn where bericht_id = ? and soort = ? and vervuld_op is null",
                this::row, messageId, kind.name()).stream().findFirst();
        open.ifPresent(d -> jdbc.update("update termijn set vervuld_door = ?, vervuld_op = ? where id = ?", answerId,
                Timestamp.from(clock.instant()), d.id()));
        return open;
    }

    /** Closes the open deadlines of a message that will never be answered (VECOZO refused it on the way). */
    public void close(long messageId) {
        jdbc.update("update termijn set vervuld_op = ? where bericht_id = ? and vervuld_op is null", Timestamp.from(clock.instant()), messageId);
    }

    /** Open deadlines whose last day lies before {@code today} and that were not yet reported late. */
    public List<Deadline> newlyOverdue(LocalDate today) {
        return jdbc.query("select " + COLUMNS + " from termijn where vervuld_op is null and te_laat_sinds is null and uiterlijk < ?"
                + " order by uiterlijk, id", this::row, today);
    }

    public void markLate(long deadlineId) {
        jdbc.update("update termijn set te_laat_sinds = ? where id = ?", Timestamp.from(clock.instant()), deadlineId);
    }

    /** Every deadline that is overdue and still open: what an operator must chase. */
    public List<Deadline> overdue() {
        return jdbc.query("select " + COLUMNS + " from termijn where vervuld_op is null and te_laat_sinds is not null order by uiterlijk, id",
                this::row);
    }

    public List<Deadline> of(long messageId) {
        return jdbc.query("select " + COLUMNS + " from termijn where bericht_id = ? order by id", this::row, messageId);
    }

    private Deadline row(ResultSet rs, int i) throws SQLException {
        Long fulfilledBy = rs.getObject("vervuld_door") == null ? null : rs.getLong("vervuld_door");
        Timestamp fulfilledAt = rs.getTimestamp("vervuld_op");
        Timestamp lateSince = rs.getTimestamp("te_laat_sinds");
        return new Deadline(rs.getLong("id"), rs.getLong("bericht_id"), Deadline.Kind.valueOf(rs.getString("soort")),
                rs.getDate("uiterlijk").toLocalDate(), fulfilledBy,
                fulfilledAt == null ? null : fulfilledAt.toInstant(), lateSince == null ? null : lateSince.toInstant());
    }
}
