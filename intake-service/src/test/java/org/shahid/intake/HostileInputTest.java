package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.sealing.RedactIdentity;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.ParsedMail;
import org.shahid.sealing.RedactionTerms;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Hostile input cannot stall intake: redaction grows at most linearly with its input (ratios over 10, 100 and
 * 1,000 KB, never absolute times), a mail past the parsing budget is quarantined at its first attempt, and a mail
 * with a megabyte of header is quarantined at once while the next mail is processed.
 */
class HostileInputTest {

    private static final MailParser PARSER = new MailParser(new MailLimits(20, 25_000_000, 8));
    private static final RedactIdentity REDACTION = new RedactIdentity();
    /** Linear growth gives 10 per step of ten; quadratic gives 100. Generous for a busy machine's noise. */
    private static final double MAX_RATIO_PER_TENFOLD = 30;

    @TempDir
    Path state;

    @Test
    void redactionOfAHeaderWithoutAtSignGrowsAtMostLinearly() throws Exception {
        // The shape that cost 1 / 4 / 9.6 s at 20 / 40 / 80 KB: a Reply-To with no '@' for the address rule to end at.
        assertLinear("one Reply-To without '@'", kilobytes -> TestMails.plain("Layla <layla@example.org>", REPORT,
                "Report", "Men paid voters.", "Reply-To: " + "x".repeat(kilobytes * 1024) + "\r\n"));
    }

    @Test
    void redactionOfManySenderFieldsUnderTheCapGrowsAtMostLinearly() throws Exception {
        // One field is read from its first 8 KB only, so a single long field cannot grow the work; many fields can.
        // Each kilobyte is one Reply-To or Sender field without '@', with brackets and commas for the address parser.
        // Every field differs, so that no set of terms can fold them into one.
        assertLinear("many sender fields", kilobytes -> TestMails.plain("Layla <layla@example.org>", REPORT, "Report",
                "Men paid voters.", java.util.stream.IntStream.range(0, kilobytes / 2).mapToObj(i -> {
                    String field = "x".repeat(470) + i + " <" + "y".repeat(470) + i + ", z" + i;
                    return "Reply-To: " + field + "\r\nSender: " + field + "\r\n";
                }).collect(java.util.stream.Collectors.joining())));
    }

    @Test
    void redactionOfHostileBodyTextGrowsAtMostLinearly() throws Exception {
        // Runs of digits with separators, colons and hex, dots and '@': what the phone, IP and address rules scan.
        String hostile = "0770 123 45 6:7:8:a:b:c:d:e:f 1.2.3.4.5.6.7 a@b@c@ https://x.example/" + "9".repeat(40) + " ";
        assertLinear("hostile body text", kilobytes -> TestMails.plain("Layla <layla@example.org>", REPORT, "Report",
                hostile.repeat(kilobytes * 1024 / hostile.length()), ""));
    }

    private static void assertLinear(String shape, IntFunction<byte[]> mailOfKilobytes) throws Exception {
        ParsedMail small = PARSER.parse(mailOfKilobytes.apply(10));
        ParsedMail medium = PARSER.parse(mailOfKilobytes.apply(100));
        ParsedMail large = PARSER.parse(mailOfKilobytes.apply(1000));
        for (int i = 0; i < 3; i++) {
            redact(small);
            redact(medium);
        }
        double tSmall = bestOf(small);
        double tMedium = bestOf(medium);
        double tLarge = bestOf(large);
        System.out.printf("redaction of %s over 10 / 100 / 1000 KB: %.2f / %.2f / %.2f ms%n", shape, tSmall / 1e6,
                tMedium / 1e6, tLarge / 1e6);
        // A floor for the smallest input, so that timer resolution cannot make a tiny denominator.
        double floor = 0.05e6;
        assertThat(tMedium / Math.max(tSmall, floor)).as("100 KB over 10 KB").isLessThan(MAX_RATIO_PER_TENFOLD);
        assertThat(tLarge / Math.max(tMedium, floor)).as("1000 KB over 100 KB").isLessThan(MAX_RATIO_PER_TENFOLD);
    }

    /**
     * The least CPU time of this thread over five runs: on a loaded machine wall-clock time also counts the time
     * the thread waited for a core, which made the ratios noise.
     */
    private static double bestOf(ParsedMail mail) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = threads.getCurrentThreadCpuTime();
            redact(mail);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return best;
    }

    private static RedactIdentity.Redacted redact(ParsedMail mail) {
        RedactionTerms terms = RedactIdentity.termsOf(mail);
        return REDACTION.redact(mail, terms);
    }

    @Test
    void quarantinesAMailPastTheParsingBudgetAtTheFirstAttempt() {
        // A budget no mail can meet stands in for a rule that runs away on input nobody foresaw.
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.intake.parse-budget", "0.001s"))) {
            shahid.startService();
            // Large enough that parsing and redacting it take well over the budget even in a warm JVM (a short
            // mail was once done within 1 ms and became a ticket).
            shahid.deliverRaw(REPORT, TestMails.plain("slow@example.org", REPORT, "Slow",
                    "Men paid voters at station 12, call 0770 123 4567. ".repeat(10_000)));

            // The first poll after a start may take 10 s or more on a loaded machine; the budget itself is 1 ms.
            await().atMost(Duration.ofSeconds(60)).until(() -> shahid.count("SELECT COUNT(*) FROM quarantine") == 1);

            assertThat(shahid.text("SELECT reason FROM quarantine")).contains("longer than the budget of 1 ms");
            assertThat(shahid.text("SELECT attempts FROM quarantine")).isEqualTo("1");
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
        }
    }

    @Test
    void quarantinesAMailWithAMegabyteHeaderAtOnceWhileTheNextMailIsProcessed() {
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of())) {
            shahid.startService();
            String header = "Reply-To: " + "x".repeat(1024 * 1024) + "\r\n";
            shahid.deliverRaw(REPORT, TestMails.plain("hostile@example.org", REPORT, "Hostile", "nothing", header));
            shahid.deliverRaw(REPORT, TestMails.plain("next@example.org", REPORT, "Next", "Men paid voters."));

            // Within the parsing budget of 10 s (plus a poll), and at the first attempt: no retry on later polls.
            // The first poll after a start may take 10 s or more on a loaded machine; the budget itself is 1 ms.
            await().atMost(Duration.ofSeconds(60)).until(() -> shahid.count("SELECT COUNT(*) FROM quarantine") == 1);
            shahid.awaitReceived("next@example.org", 1);

            assertThat(shahid.text("SELECT reason FROM quarantine")).contains("header block of")
                    .contains("larger than the limit of 262144");
            assertThat(shahid.text("SELECT attempts FROM quarantine")).isEqualTo("1");
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> shahid.folderState(REPORT, "Quarantine").size() == 1);
        }
    }
}
