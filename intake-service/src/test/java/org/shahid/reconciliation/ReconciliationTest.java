package org.shahid.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.intake.MailKey;
import org.shahid.intake.Mailbox;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.testing.AdminCli;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketKind;

/**
 * Reconciliation against GreenMail and the real MariaDB: it finds what the poller never saw, and nothing else, and
 * compares the quarantine folder with the quarantine table key by key. One service for the class: the first test
 * works on report@, the second on info@, so neither sees the other's mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationTest {

    private static final String REPORT_MAILS = "SELECT COUNT(*) FROM outbox WHERE purpose = 'RECONCILIATION'"
            + " AND body_text LIKE '%report: %'";

    private RunningShahid shahid;

    @BeforeAll
    void startShahid(@TempDir Path state) {
        // a small size limit, so that a mail over it can be quarantined without a huge fixture
        shahid = RunningShahid.prepare(state, Map.of("shahid.reconcile.report-to", "admin@shahid.test",
                "shahid.limits.message-bytes", "40000"));
        shahid.startService();
    }

    @AfterAll
    void stopShahid() {
        shahid.close();
    }

    @Test
    void ingestsOnceAMailFlaggedSeenBehindShahidsBackAndReportsZeroOnACleanMailbox() throws Exception {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("polled@example.org", RunningShahid.REPORT,
                "Ballot box removed", "Two men carried it out."));
        shahid.awaitCount(acknowledgementsOf("report"), 1);

        String clean = reconcile("report");
        assertThat(clean).contains("report: checked 1, unprocessed 0, ingested 0, quarantine folder 0,"
                + " quarantine records 0, in the folder without a record 0, records without mail 0");

        // a person opens a new report in webmail before Shahid polls it: it arrives flagged seen
        append(RunningShahid.REPORT, "INBOX", TestMails.plain("webmail@example.org", RunningShahid.REPORT,
                "Vote buying at school 3", "Envelopes of cash at the door."), true);
        String found = reconcile("report");
        assertThat(found).contains("report: checked 1, unprocessed 1, ingested 1");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE mailbox = 'report'")).isEqualTo(2);
        shahid.awaitCount(acknowledgementsOf("report"), 2);
        assertThat(shahid.count(REPORT_MAILS + " AND recipient_address = 'admin@shahid.test'")).isEqualTo(1);
        assertThat(shahid.text("SELECT body_text FROM outbox WHERE purpose = 'RECONCILIATION'"
                + " AND body_text LIKE '%report: %'"))
                .contains("report: 1 mails checked, 1 had become neither a ticket nor a quarantine entry")
                .doesNotContain("webmail@example.org");

        assertThat(reconcile("report")).contains("report: checked 0, unprocessed 0, ingested 0");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE mailbox = 'report'")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM reconciliation_run WHERE mailbox = 'report'"
                + " AND outcome = 'CHECKED'")).isEqualTo(3);
        // a clean run mails nobody
        assertThat(shahid.count(REPORT_MAILS)).isEqualTo(1);

        assertThat(AdminCli.run(shahid, "reconcile", "--mailbox", "nosuch").exit()).isNotZero();
        ReconcileMailboxes wrongLogin = new ReconcileMailboxes(List.of(new MailboxAccount(
                new Mailbox("report", RunningShahid.REPORT, TicketKind.REPORT), RunningShahid.REPORT, "wrong")),
                new ReconcileMailboxes.Connection("imap", "127.0.0.1", shahid.mail().getImap().getPort(), 5000,
                        1_000_000, "Quarantine", List.of("Processed")),
                shahid.service().beans().ingestMail(), shahid.service().database().jdbi(),
                new ReportReconciliation(shahid.service().database().jdbi(), new OutboxDao(),
                        new MessageIds("shahid.test"), "admin@shahid.test", RunningShahid.MONITORS,
                        Clock.systemUTC()), Clock.systemUTC());
        ReconcileMailboxes.MailboxResult failed = wrongLogin.reconcileAll().get(0);
        assertThat(failed.wasChecked()).isFalse();
        assertThat(failed.problem()).isEqualTo("AuthenticationFailedException");
        assertThat(shahid.count("SELECT COUNT(*) FROM reconciliation_run WHERE mailbox = 'report'"
                + " AND outcome = 'FAILED'")).isEqualTo(1);
        assertThat(shahid.count(REPORT_MAILS + " AND body_text LIKE '%report: could not be checked%'")).isEqualTo(1);
    }

    @Test
    void comparesTheQuarantineFolderWithTheQuarantineTableKeyByKeyAndIngestsMailFiledElsewhere() throws Exception {
        // over the size limit: answered from its text, recorded under its envelope's key, moved to Quarantine
        shahid.deliverRaw(RunningShahid.INFO, TestMails.withAttachment("big@example.org", RunningShahid.INFO,
                "Video of the count", "see file", StandardCharsets.UTF_8, "count.bin", "application/octet-stream",
                new byte[60_000]));
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine WHERE mailbox = 'info'", 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> shahid.folderState(RunningShahid.INFO, "Quarantine").size() == 1);

        String matching = reconcile("info");
        assertThat(matching).contains("info: checked 1, unprocessed 0, ingested 0, quarantine folder 1,"
                + " quarantine records 1, in the folder without a record 0, records without mail 0");

        // by hand, behind Shahid's back: a mail dragged into Quarantine, one filed into Processed, the
        // quarantined mail deleted
        append(RunningShahid.INFO, "Quarantine", TestMails.plain("dragged@example.org", RunningShahid.INFO,
                "Dragged", "Moved by hand."), true);
        append(RunningShahid.INFO, "Processed", TestMails.plain("filed@example.org", RunningShahid.INFO,
                "Filed", "Filed by a rule before Shahid saw it."), true);
        String draggedKey = keyOfOnlyMail(RunningShahid.INFO, "Quarantine", "Dragged");
        String deletedKey = shahid.text("SELECT SUBSTRING(mail_key, 1, 12) FROM quarantine WHERE mailbox = 'info'");
        deleteMail(RunningShahid.INFO, "Quarantine", "Video of the count");

        String found = reconcile("info");
        assertThat(found).contains("info: checked 2, unprocessed 1, ingested 1, quarantine folder 1,"
                        + " quarantine records 1, in the folder without a record 1, records without mail 1")
                .contains("info: in the quarantine folder without a record: " + draggedKey)
                .contains("info: quarantine records whose mail is not in the folder: " + deletedKey);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE mailbox = 'info'")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM reconciliation_run WHERE mailbox = 'info'"
                + " AND quarantined_without_record = 1 AND records_without_mail = 1")).isEqualTo(1);
        String report = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'RECONCILIATION'"
                + " AND body_text LIKE '%info: %without a quarantine record%'");
        assertThat(report).contains(draggedKey).contains(deletedKey)
                .doesNotContain("dragged@example.org").doesNotContain("filed@example.org").doesNotContain("Dragged");

        // the filed mail is now accounted for; the disagreement stays until an admin resolves it
        assertThat(reconcile("info")).contains("info: checked 0, unprocessed 0, ingested 0, quarantine folder 1,"
                + " quarantine records 1, in the folder without a record 1, records without mail 1");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE mailbox = 'info'")).isEqualTo(2);
    }

    /** Runs {@code reconcile --mailbox NAME}, which must succeed, and returns what it printed. */
    private String reconcile(String mailbox) {
        AdminCli.Run run = AdminCli.run(shahid, "reconcile", "--mailbox", mailbox);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    private static String acknowledgementsOf(String mailbox) {
        return "SELECT COUNT(*) FROM outbox o JOIN ticket t ON t.id = o.ticket_id"
                + " WHERE o.purpose = 'ACKNOWLEDGEMENT' AND t.mailbox = '" + mailbox + "'";
    }

    private Store connect(String user) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(shahid.mail().getImap().getPort()));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(user, user);
        return store;
    }

    private void append(String user, String folderName, byte[] raw, boolean seen) throws Exception {
        try (Store store = connect(user)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            message.setFlag(Flags.Flag.SEEN, seen);
            folder.appendMessages(new Message[] {message});
        }
    }

    /** The short key of the mail as the server serves it (what reconciliation computes). */
    private String keyOfOnlyMail(String user, String folderName, String subject) throws Exception {
        return onMail(user, folderName, subject, Folder.READ_ONLY, message -> {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return MailKey.of(raw.toByteArray()).shortForm();
        });
    }

    /** Deletes (and expunges) the mail, as a person in webmail would. */
    private void deleteMail(String user, String folderName, String subject) throws Exception {
        onMail(user, folderName, subject, Folder.READ_WRITE, message -> {
            message.setFlag(Flags.Flag.DELETED, true);
            return null;
        });
    }

    private interface MailAction<T> {
        T apply(Message message) throws Exception;
    }

    private <T> T onMail(String user, String folderName, String subject, int mode, MailAction<T> action)
            throws Exception {
        try (Store store = connect(user)) {
            Folder folder = store.getFolder(folderName);
            folder.open(mode);
            try {
                for (Message message : folder.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        return action.apply(message);
                    }
                }
            } finally {
                folder.close(mode == Folder.READ_WRITE);
            }
            throw new AssertionError("no mail '" + subject + "' in " + folderName);
        }
    }
}
