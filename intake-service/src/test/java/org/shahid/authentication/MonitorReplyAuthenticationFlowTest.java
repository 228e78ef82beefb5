package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.monitors.ReplyMac;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketReference;

/**
 * Forged senders, end to end through GreenMail and MariaDB under the settings `run` insists on (an authserv-id, no
 * opt-out): a reply from a roster address changes nothing unless our own server authenticated it, and a key works
 * only for the monitor it was issued to, and only until it expires.
 */
class MonitorReplyAuthenticationFlowTest {

    private static final String MONITORS = RunningShahid.MONITORS;
    private static final String MONITOR1 = "monitor1@shahid.test";
    private static final String MONITOR2 = "monitor2@shahid.test";
    private static final String REPORTER = "noor.saleh@example.org";
    private static final String OURS = "Authentication-Results: mx.shahid.test; dkim=pass header.d=shahid.test"
            + " header.s=2026\r\n";

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.mailbox.monitors.password", MONITORS,
                "shahid.mail.authserv-id", "mx.shahid.test", "shahid.monitors.allow-unauthenticated", "false"));
        shahid.mail().setUser(MONITORS, MONITORS, MONITORS);
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private MimeMessage reportAndAwaitNotification() {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("Noor Saleh <" + REPORTER + ">", RunningShahid.REPORT,
                "Vote buying", "Cash for votes at the school in Karrada."));
        return shahid.awaitReceived(MONITOR1, 1).get(0);
    }

    private static String replyTo(MimeMessage notification) throws Exception {
        return notification.getReplyTo()[0].toString();
    }

    private void reply(String from, String to, String subject, String extraHeaders, String body) {
        shahid.deliverRaw(MONITORS, TestMails.plain(from, to, subject, body, extraHeaders));
    }

    private String state() {
        return shahid.text("SELECT CONCAT(t.status, '/', COALESCE(tt.assignee, '-'), '/', "
                + "(SELECT COUNT(*) FROM ticket_event), '/', (SELECT COUNT(*) FROM outbox WHERE purpose <> "
                + "'MONITOR_REFUSAL')) FROM ticket t LEFT JOIN ticket_triage tt ON tt.ticket_id = t.id");
    }

    @Test
    void anUnauthenticatedReplyFromARosterAddressChangesNothing() throws Exception {
        MimeMessage notification = reportAndAwaitNotification();
        shahid.awaitReceived(REPORTER, 1);
        String before = state();
        String forgedBelowForeign = "Authentication-Results: relay.example.net; none\r\n"
                + "Authentication-Results: mx.shahid.test; dkim=fail header.d=shahid.test\r\n"
                + "Authentication-Results: mx.shahid.test; dmarc=pass header.from=shahid.test\r\n";
        reply(MONITOR1, replyTo(notification), "Re: " + notification.getSubject(), "",
                "#status investigating\n#assign me\nPlease confirm your identity at https://evil.example/login");
        reply(MONITOR1, replyTo(notification), "Re: " + notification.getSubject(), forgedBelowForeign,
                "#close rejected\nspam");
        reply(MONITOR1, replyTo(notification), "Re: " + notification.getSubject(),
                "Authentication-Results: mx.shahid.test; spf=pass smtp.mailfrom=monitor1@shahid.test\r\n",
                "#status investigating");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'REFUSED'", 3);

        assertThat(state()).isEqualTo(before);
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("NEW");
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'STATUS_UPDATE'")).isZero();
        assertThat(shahid.text("SELECT GROUP_CONCAT(DISTINCT reason) FROM monitor_reply_audit"))
                .startsWith("not authenticated");
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_REFUSAL' AND status = 'SENT'", 1);
        assertThat(shahid.received(REPORTER)).hasSize(1);
    }

    @Test
    void anAuthenticatedReplyIsApplied() throws Exception {
        MimeMessage notification = reportAndAwaitNotification();
        reply("Monitor One <" + MONITOR1 + ">", replyTo(notification), "Re: " + notification.getSubject(), OURS,
                "#status investigating\n#assign me");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'APPLIED'", 1);
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("INVESTIGATING");
    }

    @Test
    void aKeyWorksOnlyForTheMonitorItWasIssuedTo() throws Exception {
        MimeMessage toMonitor1 = reportAndAwaitNotification();
        MimeMessage toMonitor2 = shahid.awaitReceived(MONITOR2, 1).get(0);
        assertThat(replyTo(toMonitor1)).isNotEqualTo(replyTo(toMonitor2));
        String monitor2Auth = "Authentication-Results: mx.shahid.test; dmarc=pass header.from=shahid.test\r\n";
        reply(MONITOR2, replyTo(toMonitor1), "Re: " + toMonitor1.getSubject(), monitor2Auth, "#status investigating");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit", 1);
        assertThat(shahid.text("SELECT reason FROM monitor_reply_audit")).contains("MAC does not match");
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("NEW");

        reply(MONITOR2, replyTo(toMonitor2), "Re: " + toMonitor2.getSubject(), monitor2Auth, "#status investigating");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'APPLIED'", 1);
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("INVESTIGATING");
    }

    @Test
    void anExpiredKeyGetsARefusalWithAFreshKey() throws Exception {
        reportAndAwaitNotification();
        TicketReference reference = new TicketReference(shahid.text("SELECT reference FROM ticket"));
        Clock fortyDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC);
        ReplyMac issuedThen = new ReplyMac(new Pseudonymizer(Keyring.load(state.resolve("keys"), false)), MONITORS,
                true, fortyDaysAgo, Duration.ofDays(30));
        String oldAddress = issuedThen.replyAddress(reference, MONITOR1);
        reply(MONITOR1, oldAddress, "Re: [" + reference.value() + "]", OURS, "#status investigating");

        List<MimeMessage> mails = shahid.awaitReceived(MONITOR1, 2);
        MimeMessage fresh = mails.get(1);
        assertThat(fresh.getSubject()).startsWith("[" + reference.value() + "]").contains("expired");
        assertThat(replyTo(fresh)).isNotEqualTo(oldAddress);
        assertThat(shahid.text("SELECT reason FROM monitor_reply_audit")).isEqualTo("reply key expired");
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("NEW");

        reply(MONITOR1, replyTo(fresh), "Re: " + fresh.getSubject(), OURS, "#status investigating");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'APPLIED'", 1);
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("INVESTIGATING");
    }
}
