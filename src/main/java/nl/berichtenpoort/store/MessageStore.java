package nl.berichtenpoort.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.berichtenpoort.io.ContentSource;
import nl.berichtenpoort.message.ClientRef;
import nl.berichtenpoort.message.MessageIdentity;
import nl.berichtenpoort.message.MessageType;
import nl.berichtenpoort.message.ReferenceKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The messages the gateway has taken on, with their bytes, their state and its history, the clients they concern (as
 * client keys) and the references they carry. Keyed by TR056 (direction, type, sender, Identificatie): the same bytes
 * under a used key are the same message again; other bytes under a used key are a conflict.
 */
public class MessageStore {

    public enum Direction {
        UIT,
        IN
    }

    static final String GATEWAY = "gateway";

    private static final String COLUMNS = "id, richting, berichttype, afzender, ontvanger, identificatie, dagtekening, bestandsnaam,"
            + " sha256, status, retourcodes, aangemaakt";
    private static final String B_COLUMNS = Arrays.stream(COLUMNS.split(", ")).map(c -> "b." + c).collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final ContentFiles contents;
    private final Clock clock;

    public MessageStore(JdbcTemplate jdbc, ContentFiles contents, Clock clock) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.clock = clock;
    }

    /**
     * Records a message unless it is already there. The content is streamed to its file (a declaratie may be 25 MB).
     *
     * @param recordConflicts record other bytes under a used key too (inbound: they must be answered); otherwise
     *                        such a message is not recorded and the outcome is CONFLICT
     */
    public Registration register(Direction direction, MessageType type, MessageIdentity identity, String fileName,
                                 String sha256, long size, ContentSource content, MessageState state, boolean recordConflicts) {
        List<StoredMessage> underKey = underKey(direction, type.name(), identity.sender(), identity.identificatie());
        Optional<StoredMessage> same = underKey.stream().filter(m -> m.sha256().equals(sha256)).findFirst();
        if (same.isPresent()) {
            return new Registration(Registration.Outcome.SAME_AGAIN, same.get());
        }
        if (!underKey.isEmpty() && !recordConflicts) {
            return new Registration(Registration.Outcome.CONFLICT, underKey.get(0));
        }
        long id = insert(direction, type, identity, fileName, sha256, size, content, state);
        return new Registration(underKey.isEmpty() ? Registration.Outcome.NEW : Registration.Outcome.NEW_UNDER_USED_KEY, find(id).orElseThrow());
    }

    private long insert(Direction direction, MessageType type, MessageIdentity identity, String fileName, String sha256, long size,
                        ContentSource content, MessageState state) {
        contents.keep(sha256, size, content);
        Timestamp now = Timestamp.from(clock.instant());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into bericht (richting, standaard, release_versie, berichttype, afzender,"
                    + " ontvanger, identificatie, dagtekening, antwoord_op, antwoord_op_dagtekening, bestandsnaam, sha256, status,"
                    + " aangemaakt, bijgewerkt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, direction.name());
            ps.setString(2, type.standard().code());
            ps.setString(3, type.release());
            ps.setString(4, type.name());
            ps.setString(5, identity.sender());
            ps.setString(6, identity.receiver());
            ps.setString(7, identity.identificatie());
            ps.setString(8, identity.dagtekening());
            ps.setString(9, identity.answers());
            ps.setString(10, identity.answersDate());
            ps.setString(11, fileName);
            ps.setString(12, sha256);
            ps.setString(13, state.name());
            ps.setTimestamp(14, now);
            ps.setTimestamp(15, now);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        history(id, state, null, GATEWAY);
        return id;
    }

    /** Moves a message to a new state and writes the change into its history. */
    public void setState(long id, MessageState state, String remark, String by) {
        jdbc.update("update bericht set status = ?, bijgewerkt = ? where id = ?", state.name(), Timestamp.from(clock.instant()), id);
        history(id, state, remark, by);
    }

    public void setState(long id, MessageState state, String remark) {
        setState(id, state, remark, GATEWAY);
    }

    /** The RetourCodes, in words, that decided a message's state. */
    public void setRetourCodes(long id, String codes) {
        jdbc.update("update bericht set retourcodes = ? where id = ?", codes, id);
    }

    /** Links a retour (or answer) to the message it answers. */
    public void linkAnswer(long answerId, long heenId) {
        jdbc.update("update bericht set heen_id = ? where id = ?", heenId, answerId);
    }

    public void addKeys(long id, ReferenceKind kind, Collection<String> values) {
        for (String value : values.stream().distinct().toList()) {
            jdbc.update("insert into bericht_sleutel (bericht_id, soort, waarde) values (?, ?, ?)", id, kind.name(), value);
        }
    }

    /** @param clients client key and masked BSN of each client */
    public void addClients(long id, Collection<ClientRef> clients) {
        for (ClientRef client : clients.stream().distinct().toList()) {
            jdbc.update("insert into bericht_client (bericht_id, client_sleutel, bsn_gemaskeerd) values (?, ?, ?)", id,
                    client.key(), client.maskedBsn());
        }
    }

    public Optional<StoredMessage> find(long id) {
        return jdbc.query("select " + COLUMNS + " from bericht where id = ?", this::row, id).stream().findFirst();
    }

    public Optional<StoredMessage> findWithContent(long id) {
        return jdbc.query("select " + COLUMNS + ", inhoud from bericht where id = ?", this::rowWithContent, id).stream().findFirst();
    }

    /** A message by its TR056 key and Dagtekening, e.g. the heenbericht a retour names in its header. */
    public Optional<StoredMessage> find(Direction direction, String berichttype, String afzender, String identificatie, String dagtekening) {
        return jdbc.query("select " + COLUMNS + " from bericht where richting = ? and berichttype = ? and afzender = ?"
                        + " and identificatie = ? and dagtekening = ? order by id", this::row, direction.name(), berichttype, afzender,
                identificatie, dagtekening).stream().findFirst();
    }

    /** The messages of these types, between these parties, that carry this key, newest first. */
    public List<StoredMessage> findByKey(Direction direction, Collection<String> berichttypes, String afzender, String ontvanger,
                                         ReferenceKind kind, String value) {
        String types = String.join(",", berichttypes.stream().map(t -> "?").toList());
        Object[] args = new Object[5 + berichttypes.size()];
        args[0] = direction.name();
        int i = 1;
        for (String type : berichttypes) {
            args[i++] = type;
        }
        args[i++] = afzender;
        args[i++] = ontvanger;
        args[i++] = kind.name();
        args[i] = value;
        return jdbc.query("select " + B_COLUMNS + " from bericht b join bericht_sleutel s on s.bericht_id = b.id where b.richting = ? and b.berichttype in (" + types + ")"
                + " and b.afzender = ? and b.ontvanger = ? and s.soort = ? and s.waarde = ? order by b.id desc", this::row, args);
    }

    /** The messages of these types between these parties about this client (its client key), newest first. */
    public List<StoredMessage> findByClient(Direction direction, Collection<String> berichttypes, String afzender, String ontvanger,
                                            String clientKey) {
        String types = String.join(",", berichttypes.stream().map(t -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(direction.name()));
        args.addAll(berichttypes);
        args.addAll(List.of(afzender, ontvanger, clientKey));
        return jdbc.query("select " + B_COLUMNS + " from bericht b join bericht_client c on c.bericht_id = b.id where b.richting = ?"
                + " and b.berichttype in (" + types + ") and b.afzender = ? and b.ontvanger = ? and c.client_sleutel = ? order by b.id desc",
                this::row, args.toArray());
    }

    /** The messages that answer this one (our retour to a received heenbericht), with their bytes. */
    public List<StoredMessage> answersTo(long heenId, Direction direction) {
        return jdbc.query("select " + COLUMNS + ", inhoud from bericht where heen_id = ? and richting = ? order by id", this::rowWithContent,
                heenId, direction.name());
    }

    /** Records that {@code id} may only be sent after the retour of {@code predecessorId} (sequencing). */
    public void addPredecessor(long id, long predecessorId) {
        if (jdbc.queryForObject("select count(*) from volgorde where bericht_id = ? and voorganger_id = ?", Integer.class, id, predecessorId) == 0) {
            jdbc.update("insert into volgorde (bericht_id, voorganger_id) values (?, ?)", id, predecessorId);
        }
    }

    public List<StoredMessage> predecessors(long id) {
        return jdbc.query("select " + B_COLUMNS + " from bericht b join volgorde v on v.voorganger_id = b.id where v.bericht_id = ? order by b.id",
                this::row, id);
    }

    /** The messages that wait for this one. */
    public List<StoredMessage> successors(long predecessorId) {
        return jdbc.query("select " + B_COLUMNS + " from bericht b join volgorde v on v.bericht_id = b.id where v.voorganger_id = ?"
                + " and b.status = ? order by b.id", this::row, predecessorId, MessageState.WACHT_OP_VOORGANGER.name());
    }

    /** Messages in a state, newest first, at most {@code limit}. */
    public List<StoredMessage> inState(MessageState state, int limit) {
        return jdbc.query("select " + COLUMNS + " from bericht where status = ? order by id desc fetch first ? rows only", this::row,
                state.name(), limit);
    }

    /** The latest messages, newest first, at most {@code limit}. */
    public List<StoredMessage> latest(int limit) {
        return jdbc.query("select " + COLUMNS + " from bericht order by id desc fetch first ? rows only", this::row, limit);
    }

    /** Every message with this Identificatie (of any type, sender or direction), newest first. */
    public List<StoredMessage> withIdentificatie(String identificatie) {
        return jdbc.query("select " + COLUMNS + " from bericht where identificatie = ? order by id desc", this::row, identificatie);
    }

    /** Every message under one TR056 key, oldest first. */
    public List<StoredMessage> underKey(Direction direction, String berichttype, String afzender, String identificatie) {
        return jdbc.query("select " + COLUMNS + " from bericht where richting = ? and berichttype = ? and afzender = ? and identificatie = ?"
                + " order by id", this::row, direction.name(), berichttype, afzender, identificatie);
    }

    public List<String> keys(long id, ReferenceKind kind) {
        return jdbc.queryForList("select waarde from bericht_sleutel where bericht_id = ? and soort = ? order by waarde", String.class,
                id, kind.name());
    }

    public List<ClientRef> clients(long id) {
        return jdbc.query("select client_sleutel, bsn_gemaskeerd from bericht_client where bericht_id = ?",
                (rs, i) -> new ClientRef(rs.getString(1), rs.getString(2)), id);
    }

    public List<StateChange> history(long id) {
        return jdbc.query("select status, tijd, toelichting, door from bericht_status where bericht_id = ? order by id",
                (rs, i) -> new StateChange(MessageState.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4)), id);
    }

    /** Keeps the VSP references of a message (its TraceerId, ConversatieId and AlsAntwoordOp). */
    public void setVspReferences(long id, VspReferences references) {
        jdbc.update("update bericht set traceer_id = ?, conversatie_id = ?, als_antwoord_op = ? where id = ?", references.traceerId(),
                references.conversatieId(), references.alsAntwoordOp(), id);
    }

    public Optional<VspReferences> vspReferences(long id) {
        return jdbc.query("select traceer_id, conversatie_id, als_antwoord_op from bericht where id = ? and traceer_id is not null",
                (rs, i) -> new VspReferences(rs.getString(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
    }

    public Optional<StoredMessage> findByTraceerId(Direction direction, String traceerId) {
        return jdbc.query("select " + COLUMNS + " from bericht where richting = ? and traceer_id = ?", this::row, direction.name(), traceerId)
                .stream().findFirst();
    }

    /**
     * Messages we sent over the VSP since {@code since} whose berichtstatus is not final yet, least recently asked
     * first, at most {@code limit}.
     */
    public List<StoredMessage> vspStatusDue(Instant since, Collection<String> finalStatuses, int limit) {
        String finals = String.join(",", finalStatuses.stream().map(f -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(Direction.UIT.name(), Timestamp.from(since)));
        args.addAll(finalStatuses);
        return jdbc.query("select " + COLUMNS + " from bericht where richting = ? and traceer_id is not null and aangemaakt >= ?"
                + " and (vsp_status is null or vsp_status not in (" + finals + ")) order by vsp_status_gevraagd nulls first, id"
                + " fetch first " + limit + " rows only", this::row, args.toArray());
    }

    /** The last berichtstatus VECOZO gave for a message we sent (null when it knows none yet). */
    public Optional<String> vspStatus(long id) {
        return jdbc.query("select vsp_status from bericht where id = ?", (rs, i) -> rs.getString(1), id).stream().filter(Objects::nonNull)
                .findFirst();
    }

    public void setVspStatus(long id, String status) {
        jdbc.update("update bericht set vsp_status = ?, vsp_status_gevraagd = ? where id = ?", status, Timestamp.from(clock.instant()), id);
    }

    /** A number the gateway has not handed out before, for identificaties it makes itself. */
    public long nextNumber() {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into volgnummer (aangemaakt) values (?)", new String[] {"nummer"});
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private void history(long id, MessageState state, String remark, String by) {
        jdbc.update("insert into bericht_status (bericht_id, status, tijd, toelichting, door) values (?, ?, ?, ?, ?)", id, state.name(),
                Timestamp.from(clock.instant()), remark, by);
    }

    private StoredMessage row(ResultSet rs, int i) throws SQLException {
        return new StoredMessage(rs.getLong("id"), Direction.valueOf(rs.getString("richting")), rs.getString("berichttype"),
                rs.getString("afzender"), rs.getString("ontvanger"), rs.getString("identificatie"), rs.getString("dagtekening"),
                rs.getString("bestandsnaam"), rs.getString("sha256"), MessageState.valueOf(rs.getString("status")),
                rs.getString("retourcodes"), rs.getTimestamp("aangemaakt").toInstant(), null);
    }

    /** Messages recorded before their content moved to files (V5) keep it in the column inhoud. */
    private StoredMessage rowWithContent(ResultSet rs, int i) throws SQLException {
        StoredMessage m = row(rs, i);
        byte[] inRow = rs.getBytes("inhoud");
        return new StoredMessage(m.id(), m.direction(), m.berichttype(), m.afzender(), m.ontvanger(), m.identificatie(), m.dagtekening(),
                m.fileName(), m.sha256(), m.state(), m.retourCodes(), m.created(), inRow != null ? inRow : contents.read(m.sha256()));
    }
}
