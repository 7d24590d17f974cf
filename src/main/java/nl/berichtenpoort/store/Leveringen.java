package nl.berichtenpoort.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The starts and stops of care a gemeente accepted (305, 307), per client and aanbieder: what the rules on the next
 * start or stop are checked against (TR074, TR326, TR382, TR063, TR071, TR413-TR415).
 */
public class Leveringen {

    public enum Soort {
        START,
        STOP
    }

    /**
     * One accepted start or stop line.
     *
     * @param product Categorie/Code as in the message; empty when it names no product
     */
    public record Levering(long id, Soort soort, Long toewijzingNummer, String product, LocalDate begindatum, String redenBeeindiging,
                           LocalDate einddatum) {

        /** Whether a line names the start with this key (ToewijzingNummer, Product, Begindatum). */
        public boolean startKey(Long nummer, String otherProduct, LocalDate otherBegindatum) {
            return Objects.equals(toewijzingNummer, nummer) && product.equals(otherProduct) && begindatum.equals(otherBegindatum);
        }
    }

    /** Whose lines: the standard (legal domain), the gemeente, the aanbieder and the client. */
    public record Partij(String standaard, String gemeente, String aanbieder, String clientKey) {
    }

    private final JdbcTemplate jdbc;

    public Leveringen(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines of one client with one aanbieder that were not withdrawn, oldest first. */
    public List<Levering> current(Partij partij) {
        return jdbc.query("select id, soort, toewijzing_nummer, product, begindatum, reden_beeindiging, einddatum from levering"
                        + " where standaard = ? and gemeente = ? and aanbieder = ? and client_sleutel = ? and verwijderd = ? order by id",
                (rs, i) -> new Levering(rs.getLong(1), Soort.valueOf(rs.getString(2)), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()),
                partij.standaard(), partij.gemeente(), partij.aanbieder(), partij.clientKey(), false);
    }

    public void add(Partij partij, Soort soort, Long toewijzingNummer, String product, LocalDate begindatum, String redenBeeindiging,
                    LocalDate einddatum, long messageId) {
        jdbc.update("insert into levering (standaard, gemeente, aanbieder, client_sleutel, soort, toewijzing_nummer, product, begindatum,"
                        + " reden_beeindiging, einddatum, verwijderd, bericht_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                partij.standaard(), partij.gemeente(), partij.aanbieder(), partij.clientKey(), soort.name(), toewijzingNummer, product,
                Date.valueOf(begindatum), redenBeeindiging, einddatum == null ? null : Date.valueOf(einddatum), false, messageId);
    }

    /** A line withdrawn with StatusAanlevering 3. */
    public void withdraw(long id) {
        jdbc.update("update levering set verwijderd = ? where id = ?", true, id);
    }
}
