package org.shahid.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.SealedBlobStore;
import org.shahid.testing.AdminCli;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketEventDao;

/**
 * Retention leaves nothing behind: after the period, a purged ticket keeps no sealed file, no identity row, no
 * receipt code, no receipt code in its outbox rows; quarantined originals and orphaned sealed files go too (files on
 * disk are counted).
 */
class RetentionLeavesNothingTest {

    private static final Instant NOW = Instant.parse("2027-06-01T03:30:00Z");
    /**
     * A receipt code as a token of its own: unbounded, the pattern also matched inside a row's Message-ID (a UUID
     * whose middle groups happen to be all digits, about one mail in 700), and the test failed by chance.
     */
    private static final Pattern RECEIPT_CODE =
            Pattern.compile("(?<![0-9A-Fa-f-])\\d{4}-\\d{4}-\\d{4}-\\d{4}(?![0-9A-Fa-f-])");
    private static final String OLD_REPORTER = "old.resolved@example.org";
    private static final String OPEN_REPORTER = "still.open@example.org";

    @TempDir
    static Path state;

    private static RunningShahid shahid;
    private static String statusBefore;
    private static String statusAfter;
    private static long filesBefore;

    private static long sealedFiles() throws Exception {
        try (Stream<Path> files = Files.walk(state.resolve("data/sealed"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @BeforeAll
    static void twoTicketsQuarantineAndAnOrphanThenRetention() throws Exception {
        shahid = RunningShahid.prepare(state, Map.of("shahid.custodians.kdf-iterations", "20000"));
        Files.writeString(state.resolve("passphrases"), "custodian-one-words\ncustodian-two-words\n");
        assertThat(AdminCli.run(shahid, "custodians", "init", "--custodians", "2", "--threshold", "2", "--out",
                state.resolve("shares").toString(), "--passphrases", state.resolve("passphrases").toString()).exit())
                .isZero();
        shahid.startService();
        shahid.deliverRaw(REPORT, TestMails.withAttachment("Old Reporter <" + OLD_REPORTER + ">", REPORT,
                "Ballots burned", "Ballots were burned behind school 4.", StandardCharsets.UTF_8, "burned.pdf",
                "application/pdf", TestMails.pdf("burned ballots")));
        shahid.awaitReceived(OLD_REPORTER, 1);
        shahid.deliverRaw(REPORT, TestMails.plain("Open Reporter <" + OPEN_REPORTER + ">", REPORT, "Bought votes",
                "Envelopes with money at the market."));
        shahid.awaitReceived(OPEN_REPORTER, 1);
        shahid.awaitEvidenceExamined();
        shahid.stopService();

        Keyring keyring = Keyring.load(state.resolve("keys"), false);
        try (Database database = Database.open(shahid.settings())) {
            SealedBlobStore blobs = new SealedBlobStore(state.resolve("data"), keyring,
                    new CustodianKeys(database.jdbi(), Clock.systemUTC()));
            String held = blobs.put("quarantine", "From: someone@example.org\r\n\r\nheld".getBytes());
            String released = blobs.put("quarantine", "From: someone@example.org\r\n\r\nreleased".getBytes());
            String orphan = blobs.put("mail", "From: crashed@example.org\r\n\r\nlost attempt".getBytes());
            String young = blobs.put("mail", "From: now@example.org\r\n\r\nbeing committed".getBytes());
            for (String key : new String[] {held, released, orphan, young}) {
                Path file;
                try (Stream<Path> files = Files.walk(state.resolve("data/sealed"))) {
                    file = files.filter(path -> path.getFileName().toString().equals(key.substring(key.indexOf('/') + 1)))
                            .findFirst().orElseThrow();
                }
                Files.setLastModifiedTime(file, FileTime.from(key.equals(young) ? NOW : NOW.minus(Duration.ofDays(40))));
            }
            database.jdbi().useHandle(handle -> {
                for (String[] entry : new String[][] {{held, "HELD", "a"}, {released, "RELEASED", "b"}}) {
                    handle.createUpdate("""
                                    INSERT INTO quarantine (mail_key, mailbox, mailbox_address, ticket_kind, reason,
                                                            attempts, raw_size, sealed_raw, status, created_at)
                                    VALUES (:key, 'report', 'report@shahid.test', 'REPORT', 'unparseable', 3, 10, :raw,
                                            :status, :created)""")
                            .bind("key", entry[2].repeat(64)).bind("raw", entry[0]).bind("status", entry[1])
                            .bind("created", NOW.minus(Duration.ofDays(40))).execute();
                }
                handle.createUpdate("UPDATE ticket SET status = 'RESOLVED', updated_at = :old WHERE id = 1")
                        .bind("old", NOW.minus(Duration.ofDays(100))).execute();
                handle.createUpdate("UPDATE ticket SET updated_at = :recent WHERE id = 2")
                        .bind("recent", NOW.minus(Duration.ofDays(1))).execute();
                handle.createUpdate("UPDATE outbox SET status = 'FAILED' WHERE ticket_id = 2 AND recipient_sealed_id"
                        + " IS NOT NULL").execute();
            });
            filesBefore = sealedFiles();
            statusBefore = AdminCli.run(shahid, "retention", "status").out();
            new PurgeSealedIdentities(database.jdbi(), blobs, new TicketEventDao(),
                    new PurgeSealedIdentities.Periods(Duration.ofDays(90), Duration.ofDays(14), Duration.ofDays(30),
                            Duration.ofHours(1)), null, Clock.fixed(NOW, ZoneOffset.UTC)).purgeDue();
            statusAfter = AdminCli.run(shahid, "retention", "status").out();
        }
    }

    @AfterAll
    static void stop() {
        shahid.close();
    }

    @Test
    void thePurgedTicketKeepsNoSealedFileIdentityRowOrReceiptCode() throws Exception {
        // Before: two mails and one PDF original, two quarantined originals, one orphan, one file being written.
        assertThat(filesBefore).isEqualTo(7);
        // After: the open ticket's mail and the file younger than the orphan age.
        assertThat(sealedFiles()).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = 1 AND (LENGTH(ciphertext) > 0"
                + " OR identity_record IS NOT NULL OR sealed_raw IS NOT NULL OR purged_at IS NULL)")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = 1")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = 2")).isEqualTo(1);
        assertThat(RECEIPT_CODE.matcher(shahid.dump("outbox")).find()).isFalse();
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = 2 AND purged_at IS NULL"
                + " AND identity_record IS NOT NULL AND LENGTH(ciphertext) > 0")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE id = 1")).isEqualTo(1);
    }

    @Test
    void quarantinedOriginalsGoWhenReleasedAndAfterTheirPeriod() {
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine WHERE sealed_raw IS NOT NULL")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine WHERE status = 'DISCARDED'")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine WHERE status = 'RELEASED'")).isEqualTo(1);
    }

    @Test
    void retentionStatusCountsWhatIsHeldAndWhenItGoes() {
        assertThat(statusBefore).contains("identity records (custodian key)\t2\tpurged 90 days after")
                .contains("quarantined originals\t2\t").contains("receipt codes (keyed hash)\t2\t")
                .contains("receipt codes in outbox rows not to be sent again\t2\t")
                .contains("original attachments (custodian key)\t1\t");
        assertThat(statusAfter).contains("identity records (custodian key)\t1\t")
                .contains("quarantined originals\t0\t").contains("receipt codes (keyed hash)\t1\t")
                .contains("receipt codes in outbox rows not to be sent again\t0\t")
                .contains("original attachments (custodian key)\t0\t");
    }
}
