package nl.berichtenpoort;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.berichtenpoort.message.Role;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of the gateway, under the prefix {@code berichtenpoort}. config/application.yaml holds every key with
 * its default and what it does; the routes in routes/ read the same keys as {{berichtenpoort...}} placeholders.
 *
 * @param role         the party this gateway speaks for: aanbieder (default) or gemeente
 * @param agbCode      our AGB code, required in role aanbieder
 * @param gemeenteCode our CBS gemeentecode, required in role gemeente
 */
@ConfigurationProperties("berichtenpoort")
@Validated
public record BerichtenpoortProperties(
        @NotNull Role role,
        @Pattern(regexp = "[0-9]{8}", message = "an AGB code is 8 digits") String agbCode,
        @Pattern(regexp = "[0-9]{4}", message = "a gemeentecode is 4 digits") String gemeenteCode,
        @Valid @NotNull Schemas schemas,
        @Valid @NotNull Folders folders,
        @Valid @NotNull Polling polling,
        @Valid @NotNull Redelivery redelivery,
        @Valid @NotNull Outage outage,
        @Valid @NotNull Vecozo vecozo,
        @Valid @NotNull Queues queues,
        @Valid @NotNull AuditTrail audit,
        @Valid @NotNull Store store,
        @Valid @NotNull Deadlines deadlines,
        @Valid @NotNull Sequencing sequencing,
        @Valid @NotNull Privacy privacy,
        @Valid @NotNull Security security) {

    /** The code that identifies us in message headers: the AGB code as aanbieder, the gemeentecode as gemeente. */
    public String ownCode() {
        return role == Role.AANBIEDER ? agbCode : gemeenteCode;
    }

    @AssertTrue(message = "berichtenpoort.agb-code is required in role aanbieder, berichtenpoort.gemeente-code in role gemeente")
    public boolean isOwnCodeConfigured() {
        return role == null || ownCode() != null && !ownCode().isBlank();
    }

    /**
     * @param folder         message schemas (any depth) and the table berichttypen.csv
     * @param maxMessageSize the largest message accepted; OP179 sets 25 MB
     */
    public record Schemas(@NotNull Path folder, @NotNull DataSize maxMessageSize) {
    }

    /** The local folders; all are created at start. */
    public record Folders(
            @NotNull Path epdUit,
            @NotNull Path epdIn,
            @NotNull Path vecozoUit,
            @NotNull Path vecozoIn,
            @NotNull Path afkeur,
            @NotNull Path fout,
            @NotNull Path work) {

        public List<Path> all() {
            return List.of(epdUit, epdIn, vecozoUit, vecozoIn, afkeur, fout, work);
        }
    }

    /**
     * @param delay                   pause between two polls of a local folder
     * @param readLockMinAge          a file is taken only when it has not changed for this long
     * @param readLockCheckInterval   how often a file that changed more recently is looked at again
     * @param inFlight                outbound messages validated and waiting to be recorded and sent, in order
     */
    public record Polling(@NotNull Duration delay, @NotNull Duration readLockMinAge, @NotNull Duration readLockCheckInterval,
                          @Min(1) int inFlight) {
    }

    /** Technical failures (a disk, a remote server) are retried with growing pauses before a file goes to fout. */
    public record Redelivery(@Min(0) int maximumRedeliveries, @NotNull Duration delay, @NotNull Duration maximumDelay) {
    }

    /**
     * @param transport how messages reach VECOZO: {@code folder} (a local mailbox), {@code sftp} or {@code vsp} (the
     *                  VSP-Koppeling REST APIs with a VECOZO system certificate)
     */
    public record Vecozo(@NotNull Transport transport, @Valid @NotNull Sftp sftp, @Valid @NotNull Vsp vsp) {
    }

    /**
     * While VECOZO or the broker cannot be reached, the message waiting is tried again without end, the pauses growing
     * from {@code delay} to {@code maximumDelay}; after {@code vecozoDownAfter} failed attempts in a row health shows
     * vecozo DOWN.
     */
    public record Outage(@NotNull Duration delay, @NotNull Duration maximumDelay, @Min(1) int vecozoDownAfter) {
    }

    public enum Transport {
        FOLDER,
        SFTP,
        VSP
    }

    /**
     * The VSP-Koppeling REST APIs (VECOZO Schakelpunt), used when the transport is vsp: push to send, pull to receive,
     * berichtstatus to follow what was sent. Every call carries the VECOZO system certificate (mutual TLS, TLS 1.2+).
     *
     * @param keystore           PKCS#12 file with the system certificate and its private key
     * @param keystorePassword   from the environment only
     * @param truststore         trusted server certificates; without it the JDK's trusted authorities
     * @param readTimeout        longest wait for an answer (and between two packets of it)
     * @param pullLimit          messages asked for per poll (1–250)
     * @param statusMaxAge       a sent message's status is followed this long at most (VECOZO keeps it two months)
     * @param rol                the rol of each party in the routing data (afzender, geadresseerden)
     * @param berichtstroom      the berichtstroom of a message, from templates with {type}, {code} and {standaard}
     */
    public record Vsp(
            @NotNull URI pushUrl,
            @NotNull URI pullUrl,
            @NotNull URI statusUrl,
            Path keystore,
            String keystorePassword,
            @NotBlank String keystoreType,
            Path truststore,
            String truststorePassword,
            @NotBlank String truststoreType,
            @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) Duration readTimeout,
            @NotNull Duration pullInterval,
            @Min(1) @Max(250) int pullLimit,
            @NotNull Duration statusInterval,
            @Min(1) int statusBatchSize,
            @NotNull Duration statusMaxAge,
            @Valid @NotNull Rol rol,
            @Valid @NotNull Berichtstroom berichtstroom) {
    }

    /** The rol of a party in the VSP routing data (UNCONFIRMED values: set them from VECOZO's documentation). */
    public record Rol(@NotBlank @Size(max = 100) String aanbieder, @NotBlank @Size(max = 100) String gemeente) {
    }

    /**
     * The berichtstroom of a message in the VSP routing data (UNCONFIRMED values: set them from VECOZO's documentation).
     * {type} is the message type (WMO301), {code} its BerichtCode (414), {standaard} iWmo or iJw; berichtversie and
     * berichtsubversie come from the message header.
     *
     * @param berichtsubtype empty: left out
     */
    public record Berichtstroom(@NotBlank String berichttype, String berichtsubtype, @NotBlank @Size(max = 60) String actie) {
    }

    /**
     * The SFTP mailbox, used when the transport is sftp. Log in with a password or a private key; the server's host
     * key must be in the known_hosts file unless strict host key checking is switched off.
     *
     * @param pollInterval pause between two looks into the remote mailbox
     */
    public record Sftp(
            @NotBlank String host,
            @Min(1) int port,
            @NotBlank String username,
            String password,
            String privateKeyFile,
            @NotBlank String remoteUit,
            @NotBlank String remoteIn,
            String knownHostsFile,
            @Pattern(regexp = "yes|no") String strictHostKeyChecking,
            @NotNull Duration connectTimeout,
            @NotNull Duration socketTimeout,
            @NotNull Duration pollInterval) {
    }

    /**
     * @param checkInterval   how often the gateway looks for deadlines that passed
     * @param extraClosedDays days the organisation is closed besides weekends and national holidays (e.g. Goede Vrijdag)
     */
    public record Deadlines(@NotNull Duration checkInterval, @NotNull List<LocalDate> extraClosedDays) {
    }

    /**
     * @param enabled       hold a follow-up (a 307 after its 305) until the retour of its predecessor is in
     * @param checkInterval how often the waiting follow-ups are looked at, to release those whose predecessors are decided
     */
    public record Sequencing(boolean enabled, @NotNull Duration checkInterval) {
    }

    /**
     * @param clientKeySecret the secret of the client key (a keyed hash of the BSN); from the environment only
     * @param clientKeyFile   where a generated secret is kept when none is configured
     */
    public record Privacy(String clientKeySecret, @NotNull Path clientKeyFile) {
    }

    /** The durable Artemis queues of the audit trail and the two dead letters. */
    public record Queues(@NotBlank String audit, @NotBlank String afkeur, @NotBlank String fout) {
    }

    /**
     * @param contentFolder where the bytes of the stored messages are kept, one file per content named by its SHA-256
     * @param syncContent   force each content file to disk before its row is written (for a database that syncs its
     *                      commits, as PostgreSQL does; H2 in file mode does not, so there it would buy nothing)
     * @param sentGroupWait how long (ms) the writer of the sent states waits for more delivered messages to share their
     *                      commit ({@link nl.berichtenpoort.flow.GroupCommits#sentInGroups}); 0 writes at once
     */
    public record Store(@NotNull Path contentFolder, boolean syncContent, @Min(0) long sentGroupWait) {
    }

    /**
     * @param forwardDelay     how long after the commit that wrote them audit events are moved to the audit queue
     * @param forwardInterval  how often audit events still in the store (the broker was down) are tried again
     * @param forwardBatchSize how many events at most go to the queue in one transaction
     */
    public record AuditTrail(@NotNull Duration forwardDelay, @NotNull Duration forwardInterval, @Min(1) int forwardBatchSize) {
    }

    /**
     * Who may use hawtio, the operator API and the actuator (health is open to all).
     *
     * @param users             accounts, each with a role; passwords from the environment only (or as a {bcrypt} hash)
     * @param generatedPassword without any account configured: the file that keeps the hash of the password generated
     *                          for the account admin at the first start (the password itself is printed once)
     */
    public record Security(@Valid @NotNull List<User> users, @NotNull Path generatedPassword) {
    }

    public record User(@NotBlank String name, @NotBlank String password, @NotNull UserRole role) {
    }

    /** viewer: overviews and metrics (personal data masked); operator: also message contents and dead-letter actions; admin: also hawtio and Jolokia (all of JMX). */
    public enum UserRole {
        VIEWER,
        OPERATOR,
        ADMIN
    }
}
