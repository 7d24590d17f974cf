package nl.berichtenpoort.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The messages the gateway has taken on, keyed by TR056 (direction, type, sender, Identificatie), with their bytes: the
 * record that makes "never sent twice" hold across restarts and that finds the heenbericht a retour answers.
 */
public class MessageStore {

    public enum Direction {
        UIT,
        IN
    }

    private static final String COLUMNS = "id, berichttype, afzender, identificatie, bestandsnaam, sha256, status, aangemaakt";
    private static final RowMapper<StoredMessage> WITHOUT_CONTENT = (rs, i) -> new StoredMessage(rs.getLong("id"),
            rs.getString("berichttype"), rs.getString("afzender"), rs.getString("identificatie"), rs.getString("bestandsnaam"),
            rs.getString("sha256"), rs.getString("status"), rs.getTimestamp("aangemaakt").toInstant(), null);

    private final JdbcTemplate jdbc;

    public MessageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a message unless its key is taken. The content is streamed into the store (a declaratie may be 25 MB).
     */
    public Registration register(Direction direction, MessageType type, MessageIdentity identity, String fileName,
                                 String sha256, long size, ContentSource content, String status) {
        Instant now = Instant.now();
        try (InputStream in = content.open()) {
            jdbc.update("insert into bericht (richting, standaard, release_versie, berichttype, afzender, ontvanger, identificatie,"
                    + " dagtekening, antwoord_op, bestandsnaam, sha256, status, inhoud, aangemaakt, bijgewerkt)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, direction.name());
                        ps.setString(2, type.standard().code());
                        ps.setString(3, type.release());
                        ps.setString(4, type.name());
                        ps.setString(5, identity.sender());
                        ps.setString(6, identity.receiver());
                        ps.setString(7, identity.identificatie());
                        ps.setString(8, identity.dagtekening());
                        ps.setString(9, identity.answers());
                        ps.setString(10, fileName);
                        ps.setString(11, sha256);
                        ps.setString(12, status);
                        ps.setBinaryStream(13, in, size);
                        ps.setTimestamp(14, Timestamp.from(now));
                        ps.setTimestamp(15, Timestamp.from(now));
                    });
        } catch (DuplicateKeyException taken) {
            StoredMessage earlier = find(direction, type.name(), identity.sender(), identity.identificatie()).orElseThrow(() -> taken);
            return new Registration(earlier.sha256().equals(sha256) ? Registration.Outcome.SAME_AGAIN : Registration.Outcome.CONFLICT, earlier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Registration(Registration.Outcome.NEW,
                find(direction, type.name(), identity.sender(), identity.identificatie()).orElseThrow());
    }

    public void updateStatus(long id, String status) {
        jdbc.update("update bericht set status = ?, bijgewerkt = ? where id = ?", status, Timestamp.from(Instant.now()), id);
    }

    public Optional<StoredMessage> find(Direction direction, String berichttype, String afzender, String identificatie) {
        List<StoredMessage> found = jdbc.query("select " + COLUMNS + " from bericht where richting = ? and berichttype = ?"
                + " and afzender = ? and identificatie = ?", WITHOUT_CONTENT, direction.name(), berichttype, afzender, identificatie);
        return found.stream().findFirst();
    }

    /** A message with its bytes, e.g. the heenbericht a retour answers. */
    public Optional<StoredMessage> findWithContent(Direction direction, String berichttype, String afzender, String identificatie) {
        List<StoredMessage> found = jdbc.query("select " + COLUMNS + ", inhoud from bericht where richting = ? and berichttype = ?"
                + " and afzender = ? and identificatie = ?", (rs, i) -> new StoredMessage(rs.getLong("id"), rs.getString("berichttype"),
                rs.getString("afzender"), rs.getString("identificatie"), rs.getString("bestandsnaam"), rs.getString("sha256"),
                rs.getString("status"), rs.getTimestamp("aangemaakt").toInstant(), rs.getBytes("inhoud")),
                direction.name(), berichttype, afzender, identificatie);
        return found.stream().findFirst();
    }

    /** Opens the message content anew for each read. */
    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }
}
