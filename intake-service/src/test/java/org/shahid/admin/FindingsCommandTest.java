package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.reports.ReportChart;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.HeadlessChromium;
import org.shahid.testing.TestDatabase;
import picocli.CommandLine;

/**
 * The findings report over a data set written straight into a real, migrated MariaDB: counts per actor, group and
 * commitment and per day, charts, CSV equal to the HTML tables, Arabic right to left in Chromium, and nothing of
 * any reporter.
 */
class FindingsCommandTest {

    private static final Instant EVE = Instant.parse("2026-05-09T10:00:00Z");
    private static final Instant ELECTION_DAY = Instant.parse("2026-05-10T09:00:00Z");
    /** Strings of the data set that must never reach the findings. */
    private static final List<String> IDENTIFYING = List.of("SHD-", "R-SECRET", "reporter@", "some-person",
            "monitor1@", "Layla");

    private static TestDatabase database;
    private static int references;

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeAll
    static void writeDataSet() {
        database = TestDatabase.create();
        try (Database schema = Database.open(Settings.load(Map.of(), database.settings()))) {
            schema.jdbi().useTransaction(FindingsCommandTest::dataSet);
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    /**
     * Three violations by the Sample Unity Party (hate speech, on Facebook; two on the eve, one on election day, one
     * escalated to Meta and removed after 5 hours), two by the Sample News Channel (YouTube) and one no-violation,
     * one by a private individual, and a finding outside the period; and a violation by the Sample Unity Party on the
     * eve whose reporter withdrew the report, which no table counts.
     */
    private static void dataSet(Handle handle) {
        for (int i = 0; i < 3; i++) {
            long id = finding(handle, i < 2 ? EVE : ELECTION_DAY, "sample-unity-party", "candidates",
                    "candidates-no-hate-speech", "VIOLATION", "hate-speech",
                    "https://www.facebook.com/sample.unity.party/posts/" + i);
            if (i == 0) {
                handle.execute("UPDATE finding SET platform_id = 'meta', escalated_at = ?, platform_action = 'REMOVED',"
                        + " platform_action_at = ? WHERE ticket_id = ?", EVE.plus(Duration.ofHours(2)),
                        EVE.plus(Duration.ofHours(7)), id);
            }
        }
        for (int i = 0; i < 2; i++) {
            finding(handle, ELECTION_DAY, "sample-news-channel", "media", "media-no-hate-speech", "VIOLATION",
                    "misinformation", "https://www.youtube.com/watch?v=" + i);
        }
        finding(handle, ELECTION_DAY, "sample-news-channel", "media", "media-no-hate-speech", "NO_VIOLATION",
                "misinformation", "https://www.youtube.com/watch?v=9");
        finding(handle, EVE, "some-person", "individuals", "individuals-no-harassment", "VIOLATION",
                "harassment-of-candidates", "https://x.com/someperson/status/1");
        finding(handle, Instant.parse("2026-06-20T10:00:00Z"), "sample-unity-party", "candidates",
                "candidates-no-hate-speech", "VIOLATION", "hate-speech", "https://www.facebook.com/x");
        long withdrawn = finding(handle, EVE, "sample-unity-party", "candidates", "candidates-no-hate-speech",
                "VIOLATION", "hate-speech", "https://www.facebook.com/sample.unity.party/posts/withdrawn");
        handle.execute("UPDATE ticket SET status = 'WITHDRAWN' WHERE id = ?", withdrawn);
    }

    private static long finding(Handle handle, Instant reportedAt, String actor, String group, String commitment,
                                String verdict, String category, String url) {
        long id = handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        VALUES (:reference, 'REPORT', 'report', 'TRIAGED', 'ar', :pseudonym, FALSE, :at, :at)""")
                .bind("reference", String.format("SHD-TEST-%04d", ++references))
                .bind("pseudonym", "R-SECRET" + references).bind("at", reportedAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        handle.execute("INSERT INTO ticket_triage (ticket_id, category, updated_at) VALUES (?, ?, ?)", id, category,
                reportedAt);
        handle.execute("""
                INSERT INTO finding (ticket_id, actor_id, actor_group, commitment_id, verdict, verdict_at, severity,
                                     updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'HIGH', ?)""", id, actor, group, commitment, verdict,
                reportedAt.plus(Duration.ofHours(3)), reportedAt);
        handle.execute("""
                INSERT INTO evidence_key (ticket_id, kind, value, value_hash, created_at)
                VALUES (?, 'URL', ?, SHA2(?, 256), ?)""", id, url, url, reportedAt);
        return id;
    }

    private int findings(String language, String minCount) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        CommandLine commandLine = ShahidCommand.commandLine(Map.of("SHAHID_DB_URL", database.url(),
                "SHAHID_DB_USER", database.user(), "SHAHID_DB_PASSWORD", database.password(),
                "SHAHID_MONITORING_ELECTION_DAY", "2026-05-10"));
        commandLine.setErr(new PrintWriter(stderr, true));
        commandLine.setOut(new PrintWriter(stdout, true));
        return commandLine.execute("findings", "--from", "2026-05-01", "--to", "2026-05-15", "--out",
                out.resolve(language + minCount).toString(), "--lang", language, "--min-count", minCount);
    }

    private List<String> csv(String folder, String table) throws IOException {
        return Files.readAllLines(out.resolve(folder).resolve(table + ".csv"), StandardCharsets.UTF_8);
    }

    @Test
    void countsConfirmedViolationsByActorGroupCommitmentAndDayButNoWithdrawnReport() throws IOException {
        assertThat(findings("en", "1")).as(stderr::toString).isZero();

        // The withdrawn report's violation would make the party's count 4, the eve's 4 and the verdicts 7.

        assertThat(csv("en1", "violations_by_actor")).containsExactly("Actor,Group,Violations",
                "Sample Unity Party (fictional),\"Candidates, parties and campaign teams\",3",
                "Sample News Channel (fictional),Media,2",
                "Private individuals (not named),Individuals,1");
        assertThat(csv("en1", "violations_by_group_and_commitment"))
                .anyMatch(line -> line.startsWith("candidates-no-hate-speech,") && line.endsWith(",3"))
                .anyMatch(line -> line.startsWith("media-no-hate-speech,") && line.endsWith(",2"))
                .anyMatch(line -> line.startsWith("media-accurate-balanced-coverage,") && line.endsWith(",0"));
        assertThat(csv("en1", "violations_per_day")).contains("2026-05-09,3", "2026-05-10 (election day),3",
                "2026-05-11,0").hasSize(15);
        assertThat(csv("en1", "violations_by_category_and_platform"))
                .contains("hate-speech,3,0,0,0,0,0", "misinformation,0,0,0,2,0,0",
                        "harassment-of-candidates,0,1,0,0,0,0");
        assertThat(csv("en1", "platform_response_times")).contains("\"Meta (Facebook, Instagram)\",1,1,0,0,0,5.0");
        assertThat(csv("en1", "time_to_verdict")).contains("Violation,6,3.0,3.0", "No violation,1,3.0,3.0");
    }

    @Test
    void theCsvFilesHoldTheSameCellsAsTheHtmlTables() throws IOException {
        assertThat(findings("en", "1")).as(stderr::toString).isZero();
        Document html = Jsoup.parse(out.resolve("en1/index.html").toFile(), "UTF-8");
        List<Element> sections = html.select("section");
        assertThat(sections).hasSize(6);
        for (Element section : sections) {
            List<String> fromHtml = new ArrayList<>();
            for (Element row : section.select("tr")) {
                fromHtml.add(String.join("|", row.select("th, td").stream().map(Element::text).toList()));
            }
            List<String> fromCsv = new ArrayList<>();
            for (String line : csv("en1", section.id())) {
                fromCsv.add(String.join("|", parse(line)));
            }
            assertThat(fromHtml).as(section.id()).isEqualTo(fromCsv);
        }
    }

    @Test
    void smallCountsAreSuppressedAsInTheTransparencyReport() throws IOException {
        assertThat(findings("en", "5")).as(stderr::toString).isZero();
        assertThat(csv("en5", "violations_by_actor")).contains("Sample News Channel (fictional),Media,<5");
        assertThat(csv("en5", "time_to_verdict")).contains("Violation,5,3.0,3.0");
    }

    @Test
    void nothingOfAnyReporterReachesTheOutput() throws IOException {
        assertThat(findings("ar", "1")).as(stderr::toString).isZero();
        assertThat(findings("en", "1")).as(stderr::toString).isZero();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                IDENTIFYING.forEach(secret -> assertThat(text).as(file.toString()).doesNotContain(secret));
            }
        }
    }

    @Test
    void theArabicReportReadsRightToLeftWithItsChartsDrawn() throws IOException {
        assumeTrue(HeadlessChromium.isInstalled(), "needs /usr/bin/chromium (.ci/run installs it)");
        assertThat(findings("ar", "1")).as(stderr::toString).isZero();
        assertThat(findings("en", "1")).as(stderr::toString).isZero();
        assertThat(Files.readString(out.resolve("ar1/index.html"))).contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(Files.readString(out.resolve("ar1/violations_by_actor.svg"))).startsWith("<?xml")
                .contains("<svg").contains("rgb(178,34,52)");

        BufferedImage arabic = HeadlessChromium.screenshot(out.resolve("ar1/index.html"), out.resolve("ar.png"), 900,
                1400);
        BufferedImage english = HeadlessChromium.screenshot(out.resolve("en1/index.html"), out.resolve("en.png"), 900,
                1400);
        Files.copy(out.resolve("ar.png"), Path.of("intake-service/target/findings-ar.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int[] arabicTitle = inkColumns(arabic, 20, 70);
        int[] englishTitle = inkColumns(english, 20, 70);
        assertThat(arabicTitle[0]).as("the Arabic title starts right of the middle").isGreaterThan(450);
        assertThat(arabicTitle[1]).as("the Arabic title ends at the right margin").isGreaterThan(800);
        assertThat(englishTitle[0]).as("the English title starts at the left margin").isLessThan(100);
        assertThat(englishTitle[1]).as("the English title ends before the right margin").isLessThan(800);
        assertThat(pixelsOf(arabic, ReportChart.SERIES.get(0))).as("bars drawn in the Arabic report")
                .isGreaterThan(2_000);
        assertThat(pixelsOf(english, ReportChart.SERIES.get(0))).as("bars drawn in the English report")
                .isGreaterThan(2_000);
    }

    /** The first and last column holding dark pixels in a band of rows. */
    private static int[] inkColumns(BufferedImage image, int fromRow, int toRow) {
        int first = image.getWidth();
        int last = -1;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color color = new Color(image.getRGB(x, y));
                if (color.getRed() + color.getGreen() + color.getBlue() < 200) {
                    first = Math.min(first, x);
                    last = Math.max(last, x);
                }
            }
        }
        return new int[] {first, last};
    }

    private static long pixelsOf(BufferedImage image, Color wanted) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color color = new Color(image.getRGB(x, y));
                if (Math.abs(color.getRed() - wanted.getRed()) + Math.abs(color.getGreen() - wanted.getGreen())
                        + Math.abs(color.getBlue() - wanted.getBlue()) < 30) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
