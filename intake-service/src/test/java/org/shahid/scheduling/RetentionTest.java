package org.shahid.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.testing.AdminCli;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketEventDao;

/** The retention job purges exactly the sealed identities of tickets finished (or automated) long enough ago. */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-29T03:30:00Z");

    @TempDir
    Path state;

    private static void report(RunningShahid shahid, String address, String subject) {
        shahid.deliverRaw(REPORT, TestMails.plain("Reporter <" + address + ">", REPORT, subject,
                "Ballot papers were burned behind the polling station."));
        shahid.awaitReceived(address, 1);
    }

    private static void setTicket(RunningShahid shahid, String address, String status, Instant updated) {
        String pseudonym = shahid.text("SELECT t.reporter_pseudonym FROM ticket t JOIN outbox o ON o.ticket_id = t.id"
                + " JOIN sealed_identity s ON s.id = o.recipient_sealed_id ORDER BY t.id DESC LIMIT 1");
        try (var connection = shahid.database().connect();
             var statement = connection.prepareStatement(
                     "UPDATE ticket SET status = ?, updated_at = ? WHERE reporter_pseudonym = ?")) {
            statement.setString(1, status);
            statement.setTimestamp(2, java.sql.Timestamp.from(updated));
            statement.setString(3, pseudonym);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reportWithStatus(RunningShahid shahid, String address, String status, Instant updated) {
        report(shahid, address, "Burned ballots");
        setTicket(shahid, address, status, updated);
    }

    /** Retention as it runs at {@link #NOW}: 90 days, a reply grace of 14, quarantine 30, orphans after an hour. */
    private static PurgeSealedIdentities purgeAtNow(RunningShahid shahid, SealedBlobStore blobs) {
        return new PurgeSealedIdentities(shahid.service().database().jdbi(), blobs, new TicketEventDao(),
                new PurgeSealedIdentities.Periods(Duration.ofDays(90), Duration.ofDays(14), Duration.ofDays(30),
                        Duration.ofHours(1)), null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void purgesFinishedTicketsOlderThanTheRetentionPeriodResolvedOnesTooAndAnswersLaterFollowUpsPolitely() throws Exception {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            reportWithStatus(shahid, "old.closed@example.org", "CLOSED", NOW.minus(Duration.ofDays(91)));
            reportWithStatus(shahid, "recent.closed@example.org", "CLOSED", NOW.minus(Duration.ofDays(89)));
            reportWithStatus(shahid, "old.open@example.org", "RESOLVED", NOW.minus(Duration.ofDays(400)));
            List<String> rawKeys = List.of(1, 2, 3).stream()
                    .map(id -> shahid.text("SELECT sealed_raw FROM sealed_identity WHERE ticket_id = " + id)).toList();
            SealedBlobStore blobs = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), false));
            PurgeSealedIdentities purge = purgeAtNow(shahid, blobs);
            String pseudonymBefore = shahid.text("SELECT reporter_pseudonym FROM ticket WHERE id = 1");
            String textBefore = shahid.text("SELECT body_text FROM ticket_message WHERE ticket_id = 1");

            int first = purge.purgeDue();
            int second = purge.purgeDue();

            assertThat(first).isEqualTo(2);
            assertThat(second).isZero();
            assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NOT NULL AND ticket_id = 1"
                    + " AND LENGTH(ciphertext) = 0 AND sealed_raw IS NULL")).isEqualTo(1);
            assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL AND ticket_id = 2"
                    + " AND LENGTH(ciphertext) > 0")).isEqualTo(1);
            assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NOT NULL AND ticket_id = 3"
                    + " AND LENGTH(ciphertext) = 0 AND sealed_raw IS NULL")).isEqualTo(1);
            assertThat(blobs.exists(rawKeys.get(0))).isFalse();
            assertThat(blobs.exists(rawKeys.get(1))).isTrue();
            assertThat(blobs.exists(rawKeys.get(2))).isFalse();
            assertThat(shahid.text("SELECT reporter_pseudonym FROM ticket WHERE id = 1")).isEqualTo(pseudonymBefore);
            assertThat(shahid.text("SELECT body_text FROM ticket_message WHERE ticket_id = 1")).isEqualTo(textBefore);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'IDENTITY_PURGED'")).isEqualTo(2);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'IDENTITY_PURGED' AND ticket_id = 1"))
                    .isEqualTo(1);

            String reference = shahid.text("SELECT reference FROM ticket WHERE id = 1");
            // A reply to the acknowledgement: an unauthenticated From alone joins no ticket.
            String acknowledgement = shahid.awaitReceived("old.closed@example.org", 1).get(0).getMessageID();
            shahid.deliverRaw(REPORT, TestMails.plain("Reporter <old.closed@example.org>", REPORT,
                    "Re: [" + reference + "] Your report was received", "Any news about my report?",
                    "In-Reply-To: " + acknowledgement + "\r\n"));
            MimeMessage answer = shahid.awaitReceived("old.closed@example.org", 2).get(1);

            assertThat(answer.getSubject()).contains(reference).contains("This case is closed");
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(3);
            assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = 1 AND purged_at IS NULL"))
                    .isEqualTo(1);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE ticket_id = 1"
                    + " AND kind = 'CASE_CLOSED_REPLY_QUEUED'")).isEqualTo(1);
        }
    }

    @Test
    void purgesRejectedAndAutomatedTicketsByTheirLastActivityButNoOpenTicket() throws Exception {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            reportWithStatus(shahid, "old.rejected@example.org", "REJECTED", NOW.minus(Duration.ofDays(91)));
            report(shahid, "old.automated@example.org", "Burned ballots");
            // An automated ticket (an auto-reply, say) never gets a status of its own: its age alone purges it.
            try (var connection = shahid.database().connect(); var statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE ticket SET automated = TRUE WHERE id = 2")).isEqualTo(1);
            }
            setTicket(shahid, "old.automated@example.org", "NEW", NOW.minus(Duration.ofDays(91)));
            reportWithStatus(shahid, "old.new@example.org", "NEW", NOW.minus(Duration.ofDays(400)));
            reportWithStatus(shahid, "lately.rejected@example.org", "REJECTED", NOW.minus(Duration.ofDays(89)));
            SealedBlobStore blobs = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), false));
            PurgeSealedIdentities purge = purgeAtNow(shahid, blobs);

            assertThat(purge.purgeDue()).isEqualTo(2);

            assertThat(shahid.text("SELECT GROUP_CONCAT(ticket_id ORDER BY ticket_id) FROM sealed_identity"
                    + " WHERE purged_at IS NOT NULL AND LENGTH(ciphertext) = 0 AND sealed_raw IS NULL")).isEqualTo("1,2");
            assertThat(shahid.text("SELECT GROUP_CONCAT(ticket_id ORDER BY ticket_id) FROM sealed_identity"
                    + " WHERE purged_at IS NULL AND LENGTH(ciphertext) > 0")).isEqualTo("3,4");
            assertThat(shahid.text("SELECT GROUP_CONCAT(ticket_id ORDER BY ticket_id) FROM receipt_code"))
                    .isEqualTo("3,4");
        }
    }

    @Test
    void validateLoadsTheRetentionRouteWithItsCron() {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of())) {
            shahid.startService();
            shahid.stopService();

            AdminCli.Run validate = AdminCli.run(shahid, "validate", "--offline");

            assertThat(validate.err()).isEmpty();
            assertThat(validate.exit()).isZero();
            assertThat(validate.out()).contains("ok: routes").contains("ok: templates");
        }
    }

    @Test
    void theRetentionRouteRunsTheJobOnItsCron() {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.retention.cron", "0/1 * * * * ?",
                "shahid.retention.days", "0"))) {
            shahid.startService();
            report(shahid, "closed.now@example.org", "Burned ballots");
            setTicket(shahid, "closed.now@example.org", "CLOSED", Instant.now().minusSeconds(5));

            shahid.awaitCount("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NOT NULL", 1);
            assertThat(shahid.service().camelContext().getRoute("retention")).isNotNull();
        }
    }
}
