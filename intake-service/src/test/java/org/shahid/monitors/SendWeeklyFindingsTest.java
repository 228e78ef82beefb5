package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.MailParts.attachments;
import static org.shahid.testing.MailParts.textOf;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.reports.PublishedFindings;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.testing.RunningShahid;

/**
 * The weekly findings reach each lead (and only the leads) in their first language, through the outbox, with the
 * week's report zipped as the attachment, counts past the small-cell rule and nothing of any reporter; a second
 * fire in the same week sends nothing. Fixed clock: Monday 2026-05-11 06:00 UTC, the week 2026-05-04..10.
 */
class SendWeeklyFindingsTest {

    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-05-11T06:00:00Z"), ZoneOffset.UTC);
    private static final Instant IN_THE_WEEK = Instant.parse("2026-05-08T10:00:00Z");
    private static final List<String> IDENTIFYING = List.of("SHD-", "R-SECRET", "reporter@", "some-person");

    @TempDir
    Path state;

    private int tickets;

    @Test
    void eachLeadGetsTheWeeksFindingsInTheirLanguageOnceAndNothingOfAnyReporter() throws Exception {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            Jdbi jdbi = shahid.service().database().jdbi();
            jdbi.useTransaction(this::dataSet);
            SendWeeklyFindings weekly = weeklyFindings(shahid, jdbi);

            assertThat(weekly.send()).isEqualTo(2);
            assertThat(weekly.send()).as("a second fire in the same week").isZero();

            MimeMessage arabic = shahid.awaitReceived("lead-ar@shahid.test", 1).get(0);
            MimeMessage english = shahid.awaitReceived("lead-en@shahid.test", 1).get(0);
            assertThat(arabic.getSubject()).isEqualTo("نتائج شاهد الأسبوعية من 2026-05-04 إلى 2026-05-10");
            assertThat(textOf(arabic)).contains("المخالفات المؤكدة حسب الجهة")
                    .contains("- Sample Unity Party (fictional) (", "): 5\n")
                    .contains("- Sample News Channel (fictional) (", "): <5\n")
                    .doesNotContain("Confirmed violations");
            assertThat(textOf(english)).contains("Confirmed violations by actor:")
                    .contains("- Sample Unity Party (fictional) (Candidates, parties and campaign teams): 5");
            assertThat(shahid.received("monitor-only@shahid.test")).isEmpty();

            Part zip = attachments(arabic).get(0);
            assertThat(zip.getFileName()).isEqualTo("findings-2026-05-04-2026-05-10-ar.zip");
            Map<String, String> files = unzip(zip);
            assertThat(files).containsKeys("findings/index.html", "findings/violations_by_actor.csv",
                    "findings/violations_by_actor.svg");
            assertThat(files.get("findings/index.html")).contains("dir=\"rtl\"");
            // six violations by the party in the week (the one before it is left out): rounded to 5, not 7
            assertThat(files.get("findings/violations_by_actor.csv")).contains(",5").doesNotContain(",7");
            for (MimeMessage mail : List.of(arabic, english)) {
                String whole = GreenMailUtil.getWholeMessage(mail);
                IDENTIFYING.forEach(identifying -> assertThat(whole).doesNotContain(identifying));
            }
            for (String file : files.values()) {
                IDENTIFYING.forEach(identifying -> assertThat(file).doesNotContain(identifying));
            }
        }
    }

    private SendWeeklyFindings weeklyFindings(RunningShahid shahid, Jdbi jdbi) throws Exception {
        Path roster = state.resolve("monitors.yaml");
        Files.writeString(roster, """
                monitors:
                  - {address: lead-ar@shahid.test, name: Lead Arabic, role: lead, languages: [ar, en]}
                  - {address: lead-en@shahid.test, name: Lead English, role: lead, languages: [en]}
                  - {address: monitor-only@shahid.test, name: Monitor Only, role: monitor, languages: [ar]}
                """, StandardCharsets.UTF_8);
        Path dataDir = shahid.settings().path("shahid.data-dir");
        PublishedFindings report = new PublishedFindings(CommandFixture.MONITORING,
                Categories.load(CommandFixture.CATEGORIES).categoryNames(), Optional.empty(), 5);
        return new SendWeeklyFindings(new SendWeeklyFindings.Parts(jdbi, Roster.load(roster), report,
                MonitorTemplates.load(Path.of("templates")), new OutboxDao(), new MessageIds("shahid.test"),
                new ScrubbedCopyStore(dataDir), dataDir.resolve("work"), RunningShahid.MONITORS,
                "Shahid election monitoring", MONDAY));
    }

    /** Six party violations and two by the news channel in the week, one by a private person, one the week before. */
    private void dataSet(Handle handle) {
        for (int i = 0; i < 6; i++) {
            finding(handle, IN_THE_WEEK.plus(Duration.ofHours(i)), "sample-unity-party", "candidates",
                    "candidates-no-hate-speech");
        }
        for (int i = 0; i < 2; i++) {
            finding(handle, IN_THE_WEEK, "sample-news-channel", "media", "media-no-hate-speech");
        }
        finding(handle, IN_THE_WEEK, "some-person", "individuals", "individuals-no-harassment");
        finding(handle, Instant.parse("2026-05-03T10:00:00Z"), "sample-unity-party", "candidates",
                "candidates-no-hate-speech");
    }

    private void finding(Handle handle, Instant reportedAt, String actor, String group, String commitment) {
        tickets++;
        long id = handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        VALUES (:reference, 'REPORT', 'report', 'TRIAGED', 'ar', :pseudonym, FALSE, :at, :at)""")
                .bind("reference", "SHD-WEEK-" + tickets).bind("pseudonym", "R-SECRET" + tickets)
                .bind("at", reportedAt).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        handle.execute("""
                INSERT INTO finding (ticket_id, actor_id, actor_group, commitment_id, verdict, verdict_at, updated_at)
                VALUES (?, ?, ?, ?, 'VIOLATION', ?, ?)""", id, actor, group, commitment, reportedAt.plusSeconds(60),
                reportedAt);
    }

    private static Map<String, String> unzip(Part zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (var in = zip.getInputStream(); ZipInputStream entries = new ZipInputStream(
                new ByteArrayInputStream(in.readAllBytes()))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
