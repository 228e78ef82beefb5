package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;
import picocli.CommandLine;

/**
 * The transparency report over a data set written straight into a real, migrated MariaDB: exact figures in text,
 * CSV and JSON, small counts suppressed, the period bounding what is counted, and nothing that names anybody.
 */
class ReportCommandTest {

    private static final Instant JANUARY = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-14T12:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-03T09:30:00Z");
    /** Strings of the data set that must never reach a published report. */
    private static final List<String> IDENTIFYING = List.of("SHD-", "R-SECRET", "monitor1@", "alice", "bob",
            "ballot.exe", "Buses brought voters", "UnparseableMailException", "hana@", "identity needed");

    private static TestDatabase database;
    private static int references;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeAll
    static void writeDataSet() {
        database = TestDatabase.create();
        try (Database schema = Database.open(Settings.load(Map.of(), database.settings()))) {
            schema.jdbi().useTransaction(ReportCommandTest::dataSet);
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    /**
     * January: six reports (five Arabic, closed, confirmed hate speech, with evidence, linked, acted on after 1, 2,
     * 3, 4 and 10 hours and closed after 24 to 120 hours; one English and new, only suggested a category), two
     * comments, an automated report, a quarantined mail and two unsealing requests, one approved. February: one
     * Kurdish report. March: three English reports.
     */
    private static void dataSet(Handle handle) {
        long[] closed = new long[5];
        int[] hoursToAction = {1, 2, 3, 4, 10};
        for (int i = 0; i < 5; i++) {
            closed[i] = ticket(handle, "REPORT", "CLOSED", "ar", false, JANUARY);
            handle.execute("INSERT INTO ticket_triage (ticket_id, category, updated_at) VALUES (?, 'hate-speech', ?)",
                    closed[i], JANUARY);
            event(handle, closed[i], JANUARY, "reporter R-SECRET0" + i, "OPENED", "by mail to report");
            event(handle, closed[i], JANUARY, "system", "ACKNOWLEDGEMENT_QUEUED", null);
            event(handle, closed[i], JANUARY.plus(Duration.ofHours(hoursToAction[i])), "monitor1@shahid.test",
                    "NOTE", "Buses brought voters");
            event(handle, closed[i], JANUARY.plus(Duration.ofHours(24L * (i + 1))), "monitor1@shahid.test",
                    "STATUS_CHANGED", "resolved -> closed");
            long message = message(handle, closed[i]);
            handle.execute("""
                    INSERT INTO attachment (ticket_id, message_id, file_name, declared_type, size_bytes, kept, flags,
                                            created_at)
                    VALUES (?, ?, 'ballot.exe', 'image/jpeg', 1000, TRUE, ?, ?)""",
                    closed[i], message, i == 0 ? "type-mismatch,executable-disguised" : "", JANUARY);
        }
        for (int i = 0; i < 5; i++) {
            link(handle, closed[i], closed[(i + 1) % 5]);
        }
        long open = ticket(handle, "REPORT", "NEW", "en", false, JANUARY.plus(Duration.ofDays(3)));
        handle.execute("INSERT INTO ticket_triage (ticket_id, suggested_category, updated_at) "
                + "VALUES (?, 'misinformation', ?)", open, JANUARY);
        event(handle, open, JANUARY.plus(Duration.ofDays(3)), "system", "MONITORS_NOTIFIED", null);
        ticket(handle, "COMMENT", "NEW", "ar", false, JANUARY);
        ticket(handle, "COMMENT", "NEW", "en", false, JANUARY);
        ticket(handle, "REPORT", "NEW", "ckb", true, JANUARY);
        handle.execute("""
                INSERT INTO quarantine (mail_key, mailbox, mailbox_address, ticket_kind, reason, attempts, raw_size,
                                        status, created_at)
                VALUES (REPEAT('a', 64), 'report', 'report@shahid.test', 'REPORT', 'UnparseableMailException', 3, 9,
                        'HELD', ?)""", JANUARY);
        handle.execute("""
                INSERT INTO unseal_request (ticket_id, requested_by, reason, requested_at, approved_by, approved_at)
                VALUES (?, 'alice', 'identity needed by court order', ?, 'bob', ?), (?, 'alice', 'identity needed', ?,
                        NULL, NULL)""", closed[0], JANUARY, JANUARY, closed[1], JANUARY);
        ticket(handle, "REPORT", "NEW", "ckb", false, FEBRUARY);
        for (int i = 0; i < 3; i++) {
            ticket(handle, "REPORT", "TRIAGED", "en", false, MARCH);
        }
    }

    @Test
    void printsTheFiguresOfAPeriodWithSmallCountsSuppressedAndTheRestRounded() {
        assertThat(run("report", "--from", "2026-01-01", "--to", "2026-03-01")).as(stderr::toString).isZero();

        assertThat(lines()).contains(
                "Shahid transparency report, from 2026-01-01 to 2026-03-01 (exclusive)",
                "Privacy: counts from 1 to 4 print as <5, other counts are rounded to the nearest 5 (shares are"
                        + " of the rounded counts), and times are shown only when at least 5 tickets contribute, so"
                        + " that no reporter can be singled out; no reference, pseudonym, address, text or monitor"
                        + " name appears.",
                // January's 6 reports print as 5: with exact counts, the shares below (5 of 7 = 71.4%) gave the
                // total, and the total minus January gave February's hidden 1.
                "reports comments", "2026-01 5 <5", "2026-02 <5 0",
                "new <5", "triaged 0", "closed 5",
                "hate-speech 5", "misinformation 0", "unclassified <5",
                "ar 5", "ckb <5", "en <5",
                "with evidence files 5 100.0",
                "with a file flagged hostile (executable, zip bomb) <5 not published",
                "linked to others by shared evidence (coordinated campaigns) 5 100.0",
                "to the first action of a monitor 5 3.0 10.0",
                "to closing 5 72.0 120.0",
                "automated or bounce mails, not counted above <5",
                "mails quarantined (could not be processed) <5",
                "requested <5", "approved <5");
        assertThat(lines()).noneMatch(line -> line.startsWith("2026-03"));
        assertThat(stdout.toString()).doesNotContain(IDENTIFYING.toArray(String[]::new));
    }

    @Test
    void countsAllTimeByDefaultAndExactlyWithMinCountOne() {
        assertThat(run("report", "--min-count", "1")).as(stderr::toString).isZero();

        assertThat(lines()).contains("Shahid transparency report, all time",
                "Privacy: no count is suppressed (--min-count 1); no reference, pseudonym, address, text or monitor"
                        + " name appears.",
                "2026-01 6 2", "2026-02 1 0", "2026-03 3 0",
                "new 2", "triaged 3", "closed 5", "ar 5", "ckb 1", "en 4", "unclassified 5",
                "with evidence files 5 50.0", "with a file flagged hostile (executable, zip bomb) 1 20.0",
                "automated or bounce mails, not counted above 1", "requested 2", "approved 1");
    }

    @Test
    void withholdsTimesWhenFewerTicketsThanTheMinimumContribute() {
        assertThat(run("report", "--min-count", "6")).isZero();

        assertThat(lines()).contains("to the first action of a monitor <6 not published not published",
                "closed <6", "reports comments");
    }

    @Test
    void saysSoWhenThePeriodHasNoMailAndStillListsEveryRow() {
        assertThat(run("report", "--from", "2030-01-01")).as(stderr::toString).isZero();

        assertThat(lines()).contains("Shahid transparency report, from 2030-01-01 to today",
                "(no mail in this period)", "closed 0", "hate-speech 0", "ckb 0", "to closing 0 - -", "requested 0");
    }

    @Test
    void writesTheSameFiguresAsJson() throws Exception {
        assertThat(run("report", "--to", "2026-03-01", "--format", "json")).as(stderr::toString).isZero();

        JsonNode report = new ObjectMapper().readTree(stdout.toString());
        assertThat(report.at("/period/from").isNull()).isTrue();
        assertThat(report.at("/period/to").asText()).isEqualTo("2026-03-01");
        assertThat(report.at("/min_count").asInt()).isEqualTo(5);
        JsonNode sections = report.get("sections");
        assertThat(sections.at("/received_per_month/2026-01/reports").asInt()).isEqualTo(5); // 6, rounded
        assertThat(sections.at("/received_per_month/2026-01/comments").asText()).isEqualTo("<5");
        assertThat(sections.at("/reports_by_status/closed/reports").asInt()).isEqualTo(5);
        assertThat(sections.at("/reports_by_category/unclassified/reports").asText()).isEqualTo("<5");
        JsonNode firstAction = sections.at("/response_times/to the first action of a monitor");
        assertThat(firstAction.get("median_hours").asDouble()).isEqualTo(3.0);
        assertThat(firstAction.get("p90_hours").asDouble()).isEqualTo(10.0);
        assertThat(sections.at("/evidence/with a file flagged hostile (executable, zip bomb)/percent").isNull())
                .isTrue();
        assertThat(sections.at("/unsealing/approved/requests").asText()).isEqualTo("<5");
        assertThat(stdout.toString()).doesNotContain(IDENTIFYING.toArray(String[]::new));
    }

    @Test
    void writesCsvWithOneFigurePerRow() {
        assertThat(run("report", "--from", "2026-01-01", "--to", "2026-02-01", "--format", "csv")).isZero();

        assertThat(stdout.toString().lines().toList()).contains("section,item,column,value",
                "about,period,from,2026-01-01", "received_per_month,2026-01,reports,5",
                "received_per_month,2026-01,comments,<5", "reports_by_language,ar,reports,5",
                "evidence,with evidence files,percent,100.0",
                "mail_handling,\"automated or bounce mails, not counted above\",mails,<5")
                .noneMatch(line -> line.startsWith("received_per_month,2026-02"));
        assertThat(stdout.toString()).doesNotContain(IDENTIFYING.toArray(String[]::new));
    }

    @Test
    void writesTheSameFiguresAsHtmlWithChartsAndCsvFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        assertThat(run("report", "--from", "2026-01-01", "--to", "2026-02-01", "--out", out.toString())).isZero();

        String html = java.nio.file.Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">", "Shahid transparency report",
                "<img class=\"chart\" src=\"received_per_month.svg\"");
        assertThat(java.nio.file.Files.readString(out.resolve("reports_by_language.svg"))).contains("<svg");
        assertThat(java.nio.file.Files.readAllLines(out.resolve("reports_by_language.csv")))
                .contains(",reports", "ar,5");
        try (var files = java.nio.file.Files.list(out)) {
            for (java.nio.file.Path file : files.toList()) {
                assertThat(java.nio.file.Files.readString(file)).doesNotContain(IDENTIFYING.toArray(String[]::new));
            }
        }
    }

    @Test
    void refusesBadInputWithOneLine() {
        assertThat(run("report", "--from", "2026-13-01")).isNotZero();
        assertThat(stderr.toString()).isEqualTo("shahid report: --from '2026-13-01' is not a date; use yyyy-mm-dd"
                + System.lineSeparator());

        assertThat(run("report", "--from", "2026-03-01", "--to", "2026-03-01")).isNotZero();
        assertThat(stderr.toString()).isEqualTo("shahid report: empty period: 2026-03-01 is not before 2026-03-01"
                + System.lineSeparator());

        assertThat(run("report", "--format", "pdf")).isNotZero();
        assertThat(stderr.toString()).isEqualTo("shahid report: unknown format 'pdf'; use text, csv or json"
                + System.lineSeparator());

        assertThat(run("report", "--min-count", "0")).isNotZero();
        assertThat(stderr.toString()).isEqualTo("shahid report: --min-count must be at least 1, not 0"
                + System.lineSeparator());
    }

    /** Printed lines without the alignment: runs of spaces become one. */
    private List<String> lines() {
        return stdout.toString().lines().map(line -> line.strip().replaceAll(" {2,}", " ")).toList();
    }

    private int run(String... args) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        CommandLine commandLine = ShahidCommand.commandLine(Map.of("SHAHID_DB_URL", database.url(),
                "SHAHID_DB_USER", database.user(), "SHAHID_DB_PASSWORD", database.password()));
        commandLine.setErr(new PrintWriter(stderr, true));
        commandLine.setOut(new PrintWriter(stdout, true));
        return commandLine.execute(args);
    }

    private static long ticket(Handle handle, String kind, String status, String language, boolean automated,
                               Instant receivedAt) {
        return handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        VALUES (:reference, :kind, :mailbox, :status, :language, :pseudonym, :automated, :at, :at)""")
                .bind("reference", "SHD-TEST-" + (++references)).bind("kind", kind)
                .bind("mailbox", kind.equals("REPORT") ? "report" : "info").bind("status", status)
                .bind("language", language).bind("pseudonym", "R-SECRET" + references).bind("automated", automated)
                .bind("at", receivedAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void event(Handle handle, long ticketId, Instant at, String actor, String kind, String detail) {
        handle.execute("INSERT INTO ticket_event (ticket_id, occurred_at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
                ticketId, at, actor, kind, detail);
    }

    private static long message(Handle handle, long ticketId) {
        return handle.createUpdate("""
                        INSERT INTO ticket_message (ticket_id, direction, subject, body_text, language, created_at)
                        VALUES (:ticketId, 'IN', 'Buses', 'Buses brought voters from hana@example.org', 'ar', :at)""")
                .bind("ticketId", ticketId).bind("at", JANUARY)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void link(Handle handle, long ticketId, long otherId) {
        for (long[] pair : new long[][] {{ticketId, otherId}, {otherId, ticketId}}) {
            handle.execute("""
                    INSERT INTO evidence_link (ticket_id, linked_ticket_id, kind, value_hash, created_at)
                    VALUES (?, ?, 'HASH', REPEAT('b', 64), ?)""", pair[0], pair[1], JANUARY);
        }
    }
}
