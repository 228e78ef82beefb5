package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** Findings recorded by mail, end to end through GreenMail and MariaDB: what is stored and what is refused. */
class FindingCommandsFlowTest {

    private static final String MONITORS = "monitors@shahid.test";
    private static final String MONITOR1 = "monitor1@shahid.test";

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

    private MimeMessage report() {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("reporter@example.org", RunningShahid.REPORT,
                "hate speech", "The page https://www.facebook.com/sample.unity.party/posts/1 incites against us."));
        return shahid.awaitReceived(MONITOR1, 1).get(0);
    }

    private static String textOf(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof jakarta.mail.Multipart multipart
                ? multipart.getBodyPart(0).getContent().toString() : content.toString();
    }

    private void reply(MimeMessage notification, String body) throws Exception {
        shahid.deliverRaw(MONITORS, TestMails.plain(MONITOR1, notification.getReplyTo()[0].toString(),
                "Re: " + notification.getSubject(), body));
    }

    @Test
    void theNotificationSuggestsTheRegisteredActorAndOffersItsGroupsCommitments() throws Exception {
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(report());
        assertThat(body).contains("Registered actor:   Sample Unity Party (fictional)",
                "confirm with #actor sample-unity-party",
                "Commitments of the group Candidates, parties and campaign teams (candidates;",
                "candidates-no-hate-speech: Not to publish or share hate speech")
                .doesNotContain("media-no-hate-speech");
    }

    @Test
    void eachMonitorIsWrittenToInTheFirstLanguageOfTheirRosterEntry() throws Exception {
        MimeMessage english = report();
        MimeMessage sorani = shahid.awaitReceived("monitor2@shahid.test", 1).get(0);
        assertThat(english.getSubject()).contains("New report");
        assertThat(sorani.getSubject()).contains("ڕاپۆرتی نوێ");
        assertThat(sorani.getHeader("Content-Language", null)).isEqualTo("ckb");
        assertThat(textOf(sorani)).contains("لایەنی تۆمارکراو")
                .contains("candidates-no-hate-speech: بڵاونەکردنەوە و هاوبەشنەکردنی وتاری ڕق")
                .doesNotContain("Not to publish or share hate speech");

        shahid.deliverRaw(MONITORS, TestMails.plain("monitor2@shahid.test", sorani.getReplyTo()[0].toString(),
                "Re: " + sorani.getSubject(), "#verdict guilty\n"));
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_COMMAND_PROBLEMS' AND status = 'SENT'"
                + " AND language = 'ckb'", 1);
    }

    @Test
    void recordsActorCommitmentVerdictAndSeverityWithTheirHistory() throws Exception {
        MimeMessage notification = report();
        reply(notification, "#actor sample-unity-party\n#commitment candidates-no-hate-speech\n#verdict violation\n"
                + "#severity high\n");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'APPLIED'", 1);

        assertThat(shahid.text("SELECT CONCAT_WS('|', actor_id, actor_group, commitment_id, verdict, severity,"
                + " verdict_at IS NOT NULL) FROM finding"))
                .isEqualTo("sample-unity-party|candidates|candidates-no-hate-speech|VIOLATION|HIGH|1");
        assertThat(shahid.text("SELECT GROUP_CONCAT(kind ORDER BY id) FROM ticket_event WHERE actor = '"
                + MONITOR1 + "'")).isEqualTo("ACTOR_SET,COMMITMENT_SET,VERDICT_SET,SEVERITY_SET");
    }

    @Test
    void escalatesThePostsToThePlatformWithoutIdentityAndRecordsItsAction() throws Exception {
        MimeMessage notification = report();
        String reference = shahid.text("SELECT reference FROM ticket");
        shahid.awaitCount("SELECT COUNT(*) FROM evidence_key WHERE kind = 'URL'", 1);
        reply(notification, "#escalate meta\n");
        MimeMessage escalation = shahid.awaitReceived("trusted-partner@meta.example", 1).get(0);
        String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(escalation);
        assertThat(escalation.getSubject()).matches("\\[ESC-[0-9A-F]{12}\\] Trusted-partner report: posts on Meta.*");
        assertThat(textOf(escalation))
                .contains("facebook.com/sample.unity.party/posts/1");
        assertThat(raw).doesNotContain("reporter@example.org").doesNotContain(reference)
                .doesNotContain(shahid.text("SELECT reporter_pseudonym FROM ticket"));
        assertThat(shahid.text("SELECT CONCAT_WS('|', platform_id, escalation_reference) FROM finding"))
                .isEqualTo("meta|" + escalation.getSubject().substring(1, 17));

        shahid.deliverRaw(MONITORS, TestMails.plain("trusted-partner@meta.example", MONITORS,
                "Re: " + escalation.getSubject(), "We removed the post under our policy on hate speech."));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket_event WHERE kind = 'PLATFORM_ANSWERED'"
                + " AND detail LIKE 'We removed the post%' AND actor = 'platform meta'", 1);

        reply(notification, "#platform-action removed\n");
        shahid.awaitCount("SELECT COUNT(*) FROM finding WHERE platform_action = 'REMOVED'"
                + " AND platform_action_at >= escalated_at", 1);
    }

    @Test
    void aCommitmentOfAnotherGroupChangesNothingAndTheMonitorIsToldWhy() throws Exception {
        MimeMessage notification = report();
        reply(notification, "#actor sample-news-channel\n#commitment candidates-no-hate-speech\n");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'INVALID'", 1);

        assertThat(shahid.count("SELECT COUNT(*) FROM finding")).isZero();
        assertThat(shahid.text("SELECT reason FROM monitor_reply_audit"))
                .contains("candidates-no-hate-speech is a commitment of candidates, and the actor is of media");
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_COMMAND_PROBLEMS' AND status = 'SENT'", 1);
    }

    @Test
    void aCommitmentLaterKeepsToTheActorNamedEarlier() throws Exception {
        MimeMessage notification = report();
        reply(notification, "#actor sample-news-channel\n");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'APPLIED'", 1);
        reply(notification, "#commitment candidates-no-hate-speech\n");
        reply(notification, "#commitment media-no-hate-speech\n");
        shahid.awaitCount("SELECT COUNT(*) FROM monitor_reply_audit", 3);

        assertThat(shahid.text("SELECT commitment_id FROM finding")).isEqualTo("media-no-hate-speech");
        assertThat(shahid.count("SELECT COUNT(*) FROM monitor_reply_audit WHERE outcome = 'INVALID'")).isEqualTo(1);
    }
}
