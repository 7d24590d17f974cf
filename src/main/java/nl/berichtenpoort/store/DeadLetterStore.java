package nl.berichtenpoort.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The afkeur and fout dead letters in the store, so that operators can list them, fix and resend, or close them. */
public class DeadLetterStore {

    private static final String COLUMNS = "id, soort, bericht_id, bestandsnaam, berichttype, identificatie, herkomst, probleem, reden,"
            + " kopie, status, opmerking, behandeld_door, behandeld_op, aangemaakt";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeadLetterStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long add(DeadLetter.Kind kind, Long messageId, String fileName, String berichttype, String identificatie,
                    MessageStore.Direction origin, String problem, String reason, String copy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into dead_letter (soort, bericht_id, bestandsnaam, berichttype, identificatie,"
                    + " herkomst, probleem, reden, kopie, status, aangemaakt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, kind.name());
            ps.setObject(2, messageId);
            ps.setString(3, fileName);
            ps.setString(4, berichttype);
            ps.setString(5, identificatie);
            ps.setString(6, origin.name());
            ps.setString(7, problem);
            ps.setString(8, reason);
            ps.setString(9, copy);
            ps.setString(10, DeadLetter.Status.OPEN.name());
            ps.setTimestamp(11, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    public List<DeadLetter> list(DeadLetter.Kind kind, DeadLetter.Status status) {
        return jdbc.query("select " + COLUMNS + " from dead_letter where (cast(? as varchar(8)) is null or soort = ?) and (cast(? as varchar(24)) is null or status = ?) order by id",
                this::row, name(kind), name(kind), name(status), name(status));
    }

    /** The open entries of one kind and problem for a file name. */
    public List<DeadLetter> open(DeadLetter.Kind kind, String fileName, String problem) {
        return jdbc.query("select " + COLUMNS + " from dead_letter where soort = ? and bestandsnaam = ? and probleem = ? and status = ? order by id",
                this::row, kind.name(), fileName, problem, DeadLetter.Status.OPEN.name());
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter where id = ?", this::row, id).stream().findFirst();
    }

    /** Records how an operator handled an entry; returns false when it was not open any more. */
    public boolean handle(long id, DeadLetter.Status status, String remark, String by) {
        return jdbc.update("update dead_letter set status = ?, opmerking = ?, behandeld_door = ?, behandeld_op = ? where id = ? and status = ?",
                status.name(), remark, by, Timestamp.from(clock.instant()), id, DeadLetter.Status.OPEN.name()) == 1;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private DeadLetter row(ResultSet rs, int i) throws SQLException {
        Timestamp handled = rs.getTimestamp("behandeld_op");
        return new DeadLetter(rs.getLong("id"), DeadLetter.Kind.valueOf(rs.getString("soort")),
                rs.getObject("bericht_id") == null ? null : rs.getLong("bericht_id"), rs.getString("bestandsnaam"),
                rs.getString("berichttype"), rs.getString("identificatie"), MessageStore.Direction.valueOf(rs.getString("herkomst")),
                rs.getString("probleem"), rs.getString("reden"), rs.getString("kopie"), DeadLetter.Status.valueOf(rs.getString("status")),
                rs.getString("opmerking"), rs.getString("behandeld_door"), handled == null ? null : handled.toInstant(),
                rs.getTimestamp("aangemaakt").toInstant());
    }
}
