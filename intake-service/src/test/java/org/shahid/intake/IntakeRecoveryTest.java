package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.RunningShahid.REPORT;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.config.ShahidConfiguration;
import org.shahid.sealing.Keyring;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketKind;

/** Faults during intake and delivery: nothing is lost, nothing is doubled. */
class IntakeRecoveryTest {

    private static final String REPORTER = "omar@example.org";

    @TempDir
    Path state;

    /** Acknowledgements only: the same reports also notify the monitors through the relay. */
    private static long toReporter(GreenMail relay) {
        return java.util.Arrays.stream(relay.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().contains(REPORTER);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }

    @Test
    void keepsAcknowledgementsInTheOutboxThroughAnSmtpOutageAndSendsEachOnceAfterwards() throws Exception {
        int smtpPort = freePort();
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.smtp.port", String.valueOf(smtpPort)))) {
            shahid.startService();
            shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Report one", "First report."));
            shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Report two", "Second report."));
            shahid.awaitCount("SELECT COUNT(*) FROM ticket", 2);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND status = 'PENDING' AND last_error IS NOT NULL") == 2);
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND status = 'SENT'")).isZero();

            GreenMail relay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            relay.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> toReporter(relay) == 2);
                shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND status = 'SENT'", 2);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> toReporter(relay) == 2);
            } finally {
                relay.stop();
            }
        }
    }

    @Test
    void endsWithOneTicketAndOneAcknowledgementWhenTheServiceDiedBetweenCommitAndMailboxUpdate() throws Exception {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of())) {
            shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Internet shutdown",
                    "Mobile internet was cut in the district during the count."));
            // The state a crash leaves: the ticket and its acknowledgement committed, the mail still unseen.
            byte[] asFetched = fetchFirstRaw(shahid, REPORT);
            try (Database database = Database.open(shahid.settings())) {
                ShahidConfiguration.Beans beans = ShahidConfiguration.wire(shahid.settings(), database,
                        Keyring.load(state.resolve("keys"), true),
                        ShahidConfiguration.loadTemplates(Path.of("")), Clock.systemUTC());
                IntakeOutcome outcome = beans.intake().ingest(new Mailbox("report", REPORT, TicketKind.REPORT),
                        asFetched, MailKey.of(asFetched));
                assertThat(outcome.kind()).isEqualTo(IntakeOutcome.Kind.NEW_TICKET);
            }
            assertThat(shahid.folderState(REPORT, "INBOX")).containsExactly("unseen: Internet shutdown");

            shahid.startService();

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    shahid.folderState(REPORT, "INBOX").equals(List.of("seen: Internet shutdown")));
            shahid.awaitReceived(REPORTER, 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> shahid.received(REPORTER).size() == 1);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(1);
        }
    }

    @Test
    void picksUpWhereItLeftOffAfterARestart() {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "Before restart", "one"));
            shahid.awaitReceived(REPORTER, 1);
            shahid.stopService();
            shahid.deliverRaw(REPORT, TestMails.plain(REPORTER, REPORT, "While stopped", "two"));

            shahid.startService();

            shahid.awaitReceived(REPORTER, 2);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(2);
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(2);
        }
    }

    private static byte[] fetchFirstRaw(RunningShahid shahid, String mailbox) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(shahid.mail().getImap().getPort()));
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(mailbox, mailbox);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message message = inbox.getMessage(1);
            ((org.eclipse.angus.mail.imap.IMAPMessage) message).setPeek(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            inbox.close(false);
            return out.toByteArray();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
