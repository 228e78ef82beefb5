package org.shahid.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.shahid.intake.Mailbox;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.tickets.TicketKind;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.AdminCli;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** Reconciliation against GreenMail and the real MariaDB: it finds what the poller never saw, and nothing else. */
class ReconciliationTest {

    @TempDir
    Path state;

    @Test
    void ingestsOnceAMailFlaggedSeenBehindShahidsBackAndReportsZeroOnACleanMailbox() throws Exception {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.reconcile.report-to", "admin@shahid.test"))) {
            shahid.startService();
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("polled@example.org", RunningShahid.REPORT,
                    "Ballot box removed", "Two men carried it out."));
            shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'", 1);

            AdminCli.Run clean = AdminCli.run(shahid, "reconcile", "--mailbox", "report");
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("report: checked 1, unprocessed 0, ingested 0");

            // a person opens a new report in webmail before Shahid polls it: it arrives flagged seen
            appendSeen(shahid, TestMails.plain("webmail@example.org", RunningShahid.REPORT, "Vote buying at school 3",
                    "Envelopes of cash at the door."));
            AdminCli.Run found = AdminCli.run(shahid, "reconcile");
            assertThat(found.exit()).as(found.err()).isZero();
            assertThat(found.out()).contains("report: checked 1, unprocessed 1, ingested 1")
                    .contains("info: checked 0, unprocessed 0, ingested 0");
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(2);
            shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'", 2);
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'RECONCILIATION'"
                    + " AND recipient_address = 'admin@shahid.test'")).isEqualTo(1);
            assertThat(shahid.text("SELECT body_text FROM outbox WHERE purpose = 'RECONCILIATION'"))
                    .contains("report: 1 mails checked, 1 had become neither a ticket nor a quarantine entry")
                    .doesNotContain("webmail@example.org");

            AdminCli.Run again = AdminCli.run(shahid, "reconcile");
            assertThat(again.out()).contains("report: checked 0, unprocessed 0, ingested 0");
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(2);
            assertThat(shahid.count("SELECT COUNT(*) FROM reconciliation_run WHERE outcome = 'CHECKED'")).isEqualTo(5);
            // a clean run mails nobody
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'RECONCILIATION'")).isEqualTo(1);

            assertThat(AdminCli.run(shahid, "reconcile", "--mailbox", "nosuch").exit()).isNotZero();
            ReconcileMailboxes wrongLogin = new ReconcileMailboxes(List.of(new MailboxAccount(
                    new Mailbox("info", RunningShahid.INFO, TicketKind.COMMENT), RunningShahid.INFO, "wrong")),
                    new ReconcileMailboxes.Connection("imap", "127.0.0.1", shahid.mail().getImap().getPort(), 5000,
                            1_000_000, "Quarantine"),
                    shahid.service().beans().ingestMail(), shahid.service().database().jdbi(),
                    new ReportReconciliation(shahid.service().database().jdbi(), new OutboxDao(),
                            new MessageIds("shahid.test"), "admin@shahid.test", RunningShahid.MONITORS,
                            java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
            ReconcileMailboxes.MailboxResult failed = wrongLogin.reconcileAll().get(0);
            assertThat(failed.wasChecked()).isFalse();
            assertThat(failed.problem()).isEqualTo("AuthenticationFailedException");
            assertThat(shahid.count("SELECT COUNT(*) FROM reconciliation_run WHERE outcome = 'FAILED'")).isEqualTo(1);
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'RECONCILIATION'")).isEqualTo(2);
        }
    }

    private static void appendSeen(RunningShahid shahid, byte[] raw) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(shahid.mail().getImap().getPort()));
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect(RunningShahid.REPORT, RunningShahid.REPORT);
            Folder inbox = store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            message.setFlag(Flags.Flag.SEEN, true);
            inbox.appendMessages(new Message[] {message});
        }
    }
}
