package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
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
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** End to end through GreenMail and MariaDB: notifications, replies, commands, status updates, refusals, digest. */
class MonitorFlowTest {

    private static final String MONITORS = "monitors@shahid.test";
    private static final String MONITOR1 = "monitor1@shahid.test";
    private static final String MONITOR2 = "monitor2@shahid.test";
    private static final String REPORTER = "layla.hassan@example.org";
    private static final String ARABIC = "هناك حسابات وهمية تنشر صورا عن المرشح في محافظة البصرة";

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.mailbox.monitors.password", MONITORS));
        shahid.mail().setUser(MONITORS, MONITORS, MONITORS);
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private String report() {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("Layla Hassan <" + REPORTER + ">", RunningShahid.REPORT,
                "بلاغ", ARABIC, "Received: from [192.0.2.77] by mx.example.org\r\nX-Originating-IP: [192.0.2.77]\r\n"));
        shahid.awaitReceived(MONITOR1, 1);
        return shahid.text("SELECT reference FROM ticket ORDER BY id DESC LIMIT 1");
    }

    private String replyAddressOf(MimeMessage notification) throws Exception {
        return notification.getReplyTo()[0].toString();
    }

    private void reply(String from, String to, String subject, String body) {
        shahid.deliverRaw(MONITORS, TestMails.plain(from, to, subject, body));
    }

    private void awaitAudited(long rows) {
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit", rows);
    }

    @Test
    void notifiesTheRosterWithoutIdentityAndRelaysAStatusUpdateInArabic() throws Exception {
        String reference = report();
        MimeMessage notification = shahid.awaitReceived(MONITOR1, 1).get(0);
        shahid.awaitReceived(MONITOR2, 1);
        String raw = new String(GreenMailUtil.getHeaders(notification).getBytes(StandardCharsets.UTF_8))
                + GreenMailUtil.getBody(notification);
        String body = GreenMailUtil.getBody(notification);
        assertThat(notification.getSubject()).startsWith("[" + reference + "]");
        assertThat(raw).doesNotContainIgnoringCase(REPORTER).doesNotContain("Layla").doesNotContain("192.0.2.77");
        assertThat(replyAddressOf(notification)).matches("monitors\\+" + reference + "-[0-9]+-[0-9a-f]{16}@shahid.test");
        assertThat(shahid.text("SELECT suggested_category FROM ticket_triage")).isEqualTo("fake-accounts");
        assertThat(body).contains("fake-accounts");

        reply("Monitor One <" + MONITOR1 + ">", replyAddressOf(notification), "Re: " + notification.getSubject(),
                "#status investigating\n#assign me\nWe are checking the accounts you reported.\n\n"
                        + "On Mon, 2 Jun 2025 at 10:12, Shahid <" + MONITORS + "> wrote:\n> Reporter: R-XXXX\n> "
                        + ARABIC + "\n");

        shahid.awaitReceived(REPORTER, 2);
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'STATUS_UPDATE' AND status = 'SENT'", 1);
        String updateId = "<" + shahid.text("SELECT message_id FROM outbox WHERE purpose = 'STATUS_UPDATE'") + ">";
        MimeMessage update = shahid.received(REPORTER).stream().filter(m -> {
            try {
                return updateId.equals(m.getMessageID());
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        String text = (String) ((jakarta.mail.internet.MimeMultipart) update.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("We are checking the accounts you reported.").contains("بلاغك الآن قيد التحقق")
                .contains("فريق المراقبة").doesNotContain("On Mon").doesNotContain(ARABIC);
        assertThat(update.getSubject()).startsWith("[" + reference + "]");
        assertThat(update.getHeader("Content-Language", null)).isEqualTo("ar");
        String updateRaw = GreenMailUtil.getHeaders(update) + GreenMailUtil.getBody(update);
        assertThat(updateRaw).doesNotContain(MONITOR1).doesNotContain("Monitor One").doesNotContain("R-XXXX");
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("INVESTIGATING");
        assertThat(shahid.text("SELECT assignee FROM ticket_triage")).isEqualTo(MONITOR1);
        assertThat(shahid.text("SELECT outcome FROM monitor_reply_audit")).isEqualTo("APPLIED");
    }

    @Test
    void aNoteReachesNoReporter() throws Exception {
        String reference = report();
        MimeMessage notification = shahid.awaitReceived(MONITOR1, 1).get(0);
        shahid.awaitReceived(REPORTER, 1);
        reply(MONITOR1, replyAddressOf(notification), "Re: " + notification.getSubject(),
                "#note the source is reliable\nDo not tell the reporter yet.");
        awaitAudited(1);
        assertThat(shahid.text("SELECT detail FROM ticket_event WHERE kind = 'NOTE'"))
                .contains("the source is reliable").contains("Do not tell");
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'STATUS_UPDATE'")).isZero();
        assertThat(shahid.text("SELECT status FROM ticket WHERE reference = '" + reference + "'")).isEqualTo("NEW");
    }

    @Test
    void forgedRepliesChangeNothingAndAreAudited() throws Exception {
        String first = report();
        MimeMessage firstNotification = shahid.awaitReceived(MONITOR1, 1).get(0);
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("other@example.net", RunningShahid.REPORT, "second",
                "another report about something else"));
        shahid.awaitReceived(MONITOR1, 2);
        String second = shahid.text("SELECT reference FROM ticket WHERE reference <> '" + first + "'");
        String firstAddress = replyAddressOf(firstNotification);
        String mac = firstAddress.substring(firstAddress.lastIndexOf('-') + 1, firstAddress.indexOf('@'));
        String key = firstAddress.substring(firstAddress.indexOf(first) + first.length() + 1, firstAddress.indexOf('@'));

        reply("stranger@example.net", firstAddress, "Re: [" + first + "]", "#status rejected\nspam");
        reply(MONITOR1, "monitors+" + second + "-" + key + "@shahid.test", "Re: [" + second + "]", "#status investigating");
        String tampered = firstAddress.replace(mac, (mac.charAt(0) == 'a' ? "b" : "a") + mac.substring(1));
        reply(MONITOR2, tampered, "Re: [" + first + "]", "#status investigating");
        awaitAudited(3);

        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE status <> 'NEW'")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'REFUSED'")).isEqualTo(3);
        assertThat(shahid.text("SELECT GROUP_CONCAT(reason ORDER BY id SEPARATOR '|') FROM monitor_reply_audit"))
                .contains("not on the roster").contains("MAC does not match ticket " + second)
                .contains("MAC does not match ticket " + first);
        assertThat(shahid.dump("monitor_reply_audit")).doesNotContain("stranger");
        // Roster senders get one short refusal; the stranger none (it could be anybody).
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_REFUSAL' AND status = 'SENT'", 2);
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT' AND purpose = 'STATUS_UPDATE'")).isZero();
    }

    @Test
    void refusesAnInvalidTransitionWithAnExplanation() throws Exception {
        report();
        MimeMessage notification = shahid.awaitReceived(MONITOR1, 1).get(0);
        reply(MONITOR1, replyAddressOf(notification), "Re: " + notification.getSubject(), "#status resolved\nDone.");
        List<MimeMessage> answers = shahid.awaitReceived(MONITOR1, 2);
        String explanation = GreenMailUtil.getBody(answers.get(1));
        assertThat(explanation).contains("cannot go from new to resolved");
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("NEW");
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'STATUS_UPDATE'")).isZero();
    }

    @Test
    void aReportersFollowUpReopensAResolvedTicketAndNotifiesTheMonitors() throws Exception {
        String reference = report();
        MimeMessage notification = shahid.awaitReceived(MONITOR1, 1).get(0);
        reply(MONITOR1, replyAddressOf(notification), "Re: " + notification.getSubject(), "#status investigating");
        awaitAudited(1);
        reply(MONITOR1, replyAddressOf(notification), "Re: " + notification.getSubject(), "#status resolved\nThank you.");
        awaitAudited(2);
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("RESOLVED");

        // A reply to the acknowledgement: an unauthenticated From alone joins no ticket.
        String acknowledgement = shahid.awaitReceived(REPORTER, 1).get(0).getMessageID();
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain(REPORTER, RunningShahid.REPORT, "Re: [" + reference + "]",
                "They posted again today.", "In-Reply-To: " + acknowledgement + "\r\n"));
        List<MimeMessage> notes = shahid.awaitReceived(MONITOR1, 2);
        assertThat(notes.get(1).getSubject()).contains("Follow-up").contains("reopened");
        assertThat(shahid.text("SELECT status FROM ticket")).isEqualTo("TRIAGED");
    }

    @Test
    void aVerdictWithClusterReachesEveryReporterOfTheLinkedTickets() throws Exception {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("sara@example.org", RunningShahid.REPORT, "Fake post",
                "This tweet is fabricated: https://twitter.com/someone/status/1234567890?s=20"));
        shahid.awaitReceived(MONITOR1, 1);
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("karim@example.org", RunningShahid.REPORT, "Lie",
                "Same lie here https://x.com/someone/status/1234567890"));
        List<MimeMessage> notifications = shahid.awaitReceived(MONITOR1, 2);
        MimeMessage second = notifications.get(1);
        assertThat(GreenMailUtil.getBody(second)).contains("#cluster").contains("most recent other reports");

        reply(MONITOR1, replyAddressOf(second), "Re: " + second.getSubject(),
                "#reject already-removed\n#cluster\n\nThe platform removed the post.");

        shahid.awaitReceived("sara@example.org", 2);
        shahid.awaitReceived("karim@example.org", 2);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket WHERE status = 'REJECTED'")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'STATUS_UPDATE'")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'CLUSTER_VERDICT'")).isEqualTo(2);
    }

    @Test
    void clusterWithoutAVerdictIsRefused() throws Exception {
        report();
        MimeMessage notification = shahid.awaitReceived(MONITOR1, 1).get(0);
        reply(MONITOR1, replyAddressOf(notification), "Re: " + notification.getSubject(), "#cluster\nHello.");
        List<MimeMessage> answers = shahid.awaitReceived(MONITOR1, 2);
        assertThat(GreenMailUtil.getBody(answers.get(1))).contains("#cluster: applies a verdict");
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'STATUS_UPDATE'")).isZero();
    }

    @Test
    void theDigestListsAssignedAndOldUnassignedTickets() throws Exception {
        String assigned = report();
        MimeMessage notification = shahid.awaitReceived(MONITOR1, 1).get(0);
        reply(MONITOR1, replyAddressOf(notification), "Re: " + notification.getSubject(), "#assign me");
        awaitAudited(1);
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("other@example.net", RunningShahid.REPORT, "two",
                "another report"));
        shahid.awaitReceived(MONITOR1, 2);
        String unassigned = shahid.text("SELECT reference FROM ticket WHERE reference <> '" + assigned + "'");

        Monitors monitors = shahid.service().beans().monitors();
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofHours(30)), ZoneOffset.UTC);
        SendDigest digest = new SendDigest(shahid.service().database().jdbi(), monitors.roster(), new TriageDao(),
                MonitorTemplates.load(Path.of("templates")), new org.shahid.outbound.OutboxDao(),
                new org.shahid.outbound.MessageIds("shahid.test"), Duration.ofHours(24), MONITORS, "Shahid", tomorrow,
                new HeldNotices(), monitors.monitoring());
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        SendDigest early = new SendDigest(shahid.service().database().jdbi(), monitors.roster(), new TriageDao(),
                MonitorTemplates.load(Path.of("templates")), new org.shahid.outbound.OutboxDao(),
                new org.shahid.outbound.MessageIds("shahid.test"), Duration.ofHours(24), MONITORS, "Shahid", now,
                new HeldNotices(), monitors.monitoring());

        assertThat(early.send()).isEqualTo(1); // only monitor1, who has an assigned ticket
        assertThat(digest.send()).isEqualTo(2);
        String forMonitor1 = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST' AND recipient_address = '"
                + MONITOR1 + "' ORDER BY id DESC LIMIT 1");
        assertThat(forMonitor1.substring(0, forMonitor1.indexOf("Unassigned"))).contains(assigned).doesNotContain(unassigned);
        assertThat(forMonitor1.substring(forMonitor1.indexOf("Unassigned"))).contains(unassigned).doesNotContain(assigned);
    }
}
