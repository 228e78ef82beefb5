package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.monitors.NotifyMonitors;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Evidence is examined after the ticket is committed: the reporter is acknowledged while the attachment waits,
 * the monitors hear of the mail only once its evidence is examined, and a message whose sealed original cannot be
 * read is recorded as failed after its attempts instead of waiting for ever. The examiner is driven by hand here
 * (its route runs once an hour; a failed claim is retried after a 2 s lease), so each step can be observed.
 */
class ExaminationAfterIntakeTest {

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of(
                "shahid.evidence.examine-interval-ms", "3600000",
                "shahid.evidence.examine-attempts", "2",
                "shahid.evidence.examine-lease", "2s"));
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    @Test
    void theTicketAndAcknowledgementComeFirstAndMonitorsHearOnceTheEvidenceIsExamined() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.withAttachment("a@example.org", REPORT, "Minutes", "see the pdf",
                StandardCharsets.UTF_8, "minutes.pdf", "application/pdf",
                EvidenceFixtures.pdfWithAuthor("Counting stopped at noon")));
        awaitRows("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'", 1);

        assertThat(shahid.count("SELECT COUNT(*) FROM attachment WHERE NOT examined")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM evidence_examination WHERE state = 'PENDING'")).isEqualTo(1);
        assertThat(notifications()).isZero();

        assertThat(examineDue()).isEqualTo(1);

        assertThat(shahid.text("SELECT extracted_text FROM attachment WHERE file_name = 'minutes.pdf'"))
                .contains("Counting stopped at noon");
        assertThat(shahid.text("SELECT detected_type FROM attachment")).isEqualTo("application/pdf");
        assertThat(notifications()).isPositive();
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'EVIDENCE_EXAMINED'")).isEqualTo(1);
        assertThat(examineDue()).isZero();
    }

    @Test
    void aMessageWhoseSealedOriginalIsGoneIsRecordedAsFailedAfterItsAttemptsAndMonitorsStillHear() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.withAttachment("b@example.org", REPORT, "Photo", "see the file",
                StandardCharsets.UTF_8, "photo.pdf", "application/pdf", EvidenceFixtures.pdfWithAuthor("x")));
        awaitRows("SELECT COUNT(*) FROM evidence_examination WHERE state = 'PENDING'", 1);
        try (Stream<Path> sealed = Files.walk(state.resolve("data").resolve("sealed").resolve("evidence"))) {
            for (Path file : sealed.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }

        assertThat(examineDue()).isZero(); // attempt 1 of 2: stays queued, claimed for the lease
        assertThat(notifications()).isZero();
        assertThat(examineDue()).as("claimed until the lease runs out").isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> examineDue() == 1); // attempt 2: recorded as failed

        assertThat(shahid.text("SELECT flags FROM attachment")).isEqualTo("examination-failed");
        assertThat(shahid.count("SELECT COUNT(*) FROM attachment WHERE NOT examined")).isZero();
        assertThat(notifications()).isPositive();
    }

    @Test
    void onceAMailsExaminationBudgetIsUsedUpItsRemainingAttachmentsAreRecordedUnexamined() throws Exception {
        try (RunningShahid noBudget = RunningShahid.prepare(state.resolve("no-budget"), Map.of(
                "shahid.evidence.message-budget", "0s"))) {
            noBudget.startService();
            noBudget.deliverRaw(REPORT, TestMails.withAttachments("c@example.org", REPORT, "Two files", "see both",
                    Map.of("first.pdf", EvidenceFixtures.pdfWithAuthor("first file"),
                            "second.pdf", EvidenceFixtures.pdfWithAuthor("second file"))));
            noBudget.awaitCount("SELECT COUNT(*) FROM attachment", 2);

            // The first attachment is always examined; the budget (here none) decides about the rest.
            assertThat(noBudget.count("SELECT COUNT(*) FROM attachment WHERE extracted_text IS NOT NULL")).isOne();
            assertThat(noBudget.count("SELECT COUNT(*) FROM attachment WHERE flags = 'examination-budget'"
                    + " AND sha256 IS NOT NULL AND examined")).isOne();
            assertThat(noBudget.count("SELECT COUNT(*) FROM outbox WHERE purpose = '" + NotifyMonitors.PURPOSE + "'"))
                    .isPositive();
        }
    }

    private int examineDue() {
        return shahid.service().beans().examineEvidence().examineDue();
    }

    private long notifications() {
        return shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = '" + NotifyMonitors.PURPOSE + "'");
    }

    private void awaitRows(String sql, long expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> shahid.count(sql) == expected);
    }
}
