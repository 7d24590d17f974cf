package nl.berichtenpoort.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every toewijzing the gateway has seen, by ToewijzingNummer per gemeente and legal domain, with the client and
 * product it belongs to: what TR332 (a ToewijzingNummer is unique within the legal domain) is checked against.
 */
public class Toewijzingen {

    /** The client and product a ToewijzingNummer stands for. */
    public record Toewijzing(String clientKey, String product, long messageId) {
    }

    private final JdbcTemplate jdbc;

    public Toewijzingen(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Toewijzing> find(String standard, String gemeente, long nummer) {
        return jdbc.query("select client_sleutel, product, bericht_id from toewijzing where standaard = ? and gemeente = ? and nummer = ?",
                (rs, i) -> new Toewijzing(rs.getString(1), rs.getString(2), rs.getLong(3)), standard, gemeente, nummer).stream().findFirst();
    }

    /**
     * Records a toewijzing the first time its number is seen: the first occurrence defines what the number stands for.
     * Not an insert whose duplicate key is caught: on PostgreSQL a failed statement aborts the transaction it is part of.
     */
    public void remember(String standard, String gemeente, long nummer, String clientKey, String product, long messageId) {
        jdbc.update("insert into toewijzing (standaard, gemeente, nummer, client_sleutel, product, bericht_id) select ?, ?, ?, ?, ?, ?"
                + " where not exists (select 1 from toewijzing where standaard = ? and gemeente = ? and nummer = ?)",
                standard, gemeente, nummer, clientKey, product, messageId, standard, gemeente, nummer);
    }
}
