package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * End to end through GreenMail and MariaDB: a monitor whose roster entry reads Arabic or Sorani first gets the
 * answer to a faulty reply, and the digest, wholly in that language; only the commands themselves stay as typed.
 */
class MonitorLanguagesFlowTest {

    private static final String MONITORS = "monitors@shahid.test";
    private static final String ARABIC_FIRST = "arabic.monitor@shahid.test";
    private static final String SORANI_FIRST = "sorani.monitor@shahid.test";
    private static final String UNKNOWN_COMMAND_AND_STATUS = "#frobnicate\n#status finished";
    private static final String HOSTILE_ALL = "#evidence all hostile";
    /** What an English-first monitor is told for the same replies: none of it may reach the others. */
    private static final List<String> ENGLISH = List.of("unknown command", "known:", "unknown status", "use triaged",
            "ask for a file flagged hostile", "by its number", "Nothing was changed", "Correct the commands",
            "internal text", "<address>");
    /** Three Latin words in a row: an English sentence, once the commands as typed are taken out. */
    private static final Pattern LATIN_RUN = Pattern.compile("[A-Za-z]+(?:[ ,]+[A-Za-z]+){2,}");

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() throws Exception {
        Path roster = state.resolve("monitors.yaml");
        Files.writeString(roster, """
                monitors:
                  - address: %s
                    name: مراقب عربي
                    role: lead
                    languages: [ar, en]
                  - address: %s
                    name: چاودێری کورد
                    role: monitor
                    languages: [ckb, ar]
                """.formatted(ARABIC_FIRST, SORANI_FIRST));
        shahid = RunningShahid.prepare(state, Map.of("shahid.monitors.roster-file", roster.toString(),
                "shahid.organisation", "شاهد"));
        shahid.mail().setUser(MONITORS, MONITORS, MONITORS);
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    @Test
    void commandProblemsReachArabicAndSoraniMonitorsInTheirLanguage() throws Exception {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("reporter@example.org", RunningShahid.REPORT, "بلاغ",
                "هناك حسابات وهمية تنشر صورا عن المرشح في محافظة البصرة"));
        for (String monitor : List.of(ARABIC_FIRST, SORANI_FIRST)) {
            MimeMessage notification = shahid.awaitReceived(monitor, 1).get(0);
            String replyTo = notification.getReplyTo()[0].toString();
            shahid.deliverRaw(MONITORS, TestMails.plain(monitor, replyTo, "Re: " + notification.getSubject(),
                    UNKNOWN_COMMAND_AND_STATUS));
            shahid.deliverRaw(MONITORS, TestMails.plain(monitor, replyTo, "Re: " + notification.getSubject(),
                    HOSTILE_ALL));
            shahid.awaitReceived(monitor, 3);
        }

        List<String> arabic = commandProblemsTo(ARABIC_FIRST);
        assertThat(arabic.get(0)).contains("#frobnicate: أمر غير معروف").contains("#status finished: حالة غير معروفة")
                .contains("لم يتغير شيء");
        assertThat(arabic.get(1)).contains("#evidence all hostile: اطلب الملف الموسوم بالخطورة برقمه");
        List<String> sorani = commandProblemsTo(SORANI_FIRST);
        assertThat(sorani.get(0)).contains("#frobnicate: فەرمانی نەناسراو").contains("#status finished: دۆخی نەناسراو")
                .contains("هیچ شتێک");
        assertThat(sorani.get(1)).contains("#evidence all hostile: فایلی نیشانکراو");
        for (String body : List.of(arabic.get(0), arabic.get(1), sorani.get(0), sorani.get(1))) {
            assertNoEnglish(body);
        }
        // What the audit keeps is read by admins: English, as before.
        assertThat(shahid.text("SELECT reason FROM monitor_reply_audit WHERE outcome = 'INVALID' ORDER BY id LIMIT 1"))
                .contains("#frobnicate: unknown command; known:");
    }

    @Test
    void theDigestOfASoraniMonitorWordsItsTicketLinesInSorani() throws Exception {
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("reporter@example.org", RunningShahid.REPORT, "بلاغ",
                "هناك حسابات وهمية تنشر صورا عن المرشح"));
        shahid.awaitReceived(SORANI_FIRST, 1);
        String reference = shahid.text("SELECT reference FROM ticket");
        Monitors monitors = shahid.service().beans().monitors();
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofHours(30)), ZoneOffset.UTC);
        SendDigest digest = new SendDigest(shahid.service().database().jdbi(), monitors.roster(), new TriageDao(),
                MonitorTemplates.load(Path.of("templates")), new OutboxDao(), new MessageIds("shahid.test"),
                Duration.ofHours(24), MONITORS, "شاهد", tomorrow, new HeldNotices(), monitors.monitoring());

        assertThat(digest.send()).isEqualTo(2);
        String sorani = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST'"
                + " AND recipient_address = '" + SORANI_FIRST + "'");
        assertThat(sorani).contains(reference).contains("پێشینە").contains("تۆمارکراو لە");
        assertThat(sorani.toLowerCase(java.util.Locale.ROOT)).doesNotContain("priority").doesNotContain("since");
        String arabic = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST'"
                + " AND recipient_address = '" + ARABIC_FIRST + "'");
        assertThat(arabic).contains(reference).contains("الأولوية").contains("منذ");
        assertThat(arabic.toLowerCase(java.util.Locale.ROOT)).doesNotContain("priority").doesNotContain("since");
    }

    private List<String> commandProblemsTo(String monitor) {
        String sent = "FROM outbox WHERE purpose = '" + ApplyMonitorReply.COMMAND_PROBLEMS + "' AND recipient_address = '"
                + monitor + "'";
        shahid.awaitCount("SELECT COUNT(*) " + sent, 2);
        return List.of(0, 1).stream().map(row -> shahid.text("SELECT body_text " + sent + " ORDER BY id LIMIT 1 OFFSET "
                + row)).toList();
    }

    private static void assertNoEnglish(String body) {
        for (String english : ENGLISH) {
            assertThat(body).as("English '%s' in:%n%s", english, body).doesNotContainIgnoringCase(english);
        }
        String withoutCommands = body.replace(HOSTILE_ALL, "").replace("#evidence N hostile", "")
                .replace("#status finished", "");
        Matcher run = LATIN_RUN.matcher(withoutCommands);
        assertThat(run.find()).as("English sentence '%s' in:%n%s", run.find(0) ? run.group() : "", body).isFalse();
    }
}
