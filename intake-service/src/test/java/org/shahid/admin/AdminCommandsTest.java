package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import picocli.CommandLine;

/** The jar's verbs as an admin runs them: exit codes, one-line errors, and what they print. */
class AdminCommandsTest {

    @TempDir
    Path state;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();
    private RunningShahid shahid;

    @AfterEach
    void stop() {
        if (shahid != null) {
            shahid.close();
        }
    }

    @Test
    void helpListsEveryVerbOfTheContract() {
        StringWriter help = new StringWriter();
        CommandLine commandLine = ShahidCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(help));

        assertThat(commandLine.execute("--help")).isZero();
        assertThat(help.toString()).contains("demo", "run", "validate", "preview", "tickets", "quarantine", "outbox",
                "monitors", "audit", "unseal", "report", "actors", "commitments", "bench");
    }

    @Test
    void printsTheActorsAndCommitmentsTabSeparated() {
        assertThat(run(Map.of(), "actors")).isZero();
        assertThat(stdout.toString().lines()).contains("sample-unity-party\tcandidates\tSample Unity Party (fictional)")
                .allMatch(line -> line.split("\t").length == 3);

        stdout.getBuffer().setLength(0);
        assertThat(run(Map.of(), "commitments", "--lang", "ar")).isZero();
        assertThat(stdout.toString().lines()).contains("platforms-act-on-trusted-partners\tplatforms\t"
                + "التحرك بسرعة بشأن البلاغات عن المحتوى الضار المقدمة عبر الشركاء الموثوقين.")
                .allMatch(line -> line.split("\t").length == 3);
    }

    @Test
    void previewsATemplateInKurdish() {
        assertThat(run(Map.of(), "preview", "report-received", "ckb")).isZero();

        assertThat(stdout.toString()).startsWith("Subject: [SHD-7K3M-Q9XR-2BTA]");
    }

    @Test
    void refusesAnUnknownLanguageWithOneLine() {
        assertThat(run(Map.of(), "preview", "report-received", "fr")).isNotZero();

        assertThat(stderr.toString()).isEqualTo("shahid preview: unknown language 'fr'; use en, ar or ckb"
                + System.lineSeparator());
    }

    @Test
    void validatesAWorkingSetupAndNamesWhatIsMissing() {
        Map<String, String> environment = Map.of("SHAHID_KEYS_DIR", state.resolve("keys").toString());
        assertThat(run(environment, "validate", "--offline")).isNotZero();
        assertThat(stderr.toString()).contains("keysets").contains("keys generate");

        assertThat(run(environment, "keys", "generate")).isZero();
        assertThat(run(environment, "validate", "--offline")).as(stderr::toString).isZero();
        assertThat(stdout.toString()).contains("ok: templates", "ok: routes", "ok: keysets", "ok: evidence tools");
    }

    @Test
    void listsAndShowsTicketsWithPseudonymsOnly() {
        shahid = RunningShahid.start(state);
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("Hana <hana@example.org>", RunningShahid.REPORT,
                "Harassment", "A candidate is harassed online."));
        shahid.awaitReceived("hana@example.org", 1);
        String reference = shahid.text("SELECT reference FROM ticket");

        assertThat(run(environmentOf(shahid), "tickets")).as(stderr.toString()).isZero();
        assertThat(run(environmentOf(shahid), "tickets", reference)).isZero();

        String printed = stdout.toString();
        assertThat(printed).contains(reference, "A candidate is harassed online.", "R-", "ACKNOWLEDGEMENT_QUEUED")
                .doesNotContain("hana@example.org").doesNotContain("Hana");
    }

    @Test
    void releasesAQuarantinedMailOnceItCanBeProcessed() {
        shahid = RunningShahid.start(state);
        shahid.deliverRaw(RunningShahid.REPORT, "\r\n\r\n   \r\n".getBytes(StandardCharsets.US_ASCII));
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 1);
        String id = shahid.text("SELECT id FROM quarantine");

        assertThat(run(environmentOf(shahid), "quarantine", "list")).as(stderr::toString).isZero();
        assertThat(stdout.toString()).contains("HELD", "UnparseableMailException");
        assertThat(run(environmentOf(shahid), "quarantine", "release", id)).isNotZero();
        assertThat(stderr.toString()).contains("still fails");
        assertThat(run(environmentOf(shahid), "quarantine", "discard", id)).isZero();
        assertThat(shahid.text("SELECT status FROM quarantine")).isEqualTo("DISCARDED");
    }

    @Test
    void listsTheOutboxWithoutRecipientsOrContent() {
        shahid = RunningShahid.start(state);
        shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("samir@example.org", RunningShahid.REPORT,
                "Shutdown", "Internet cut in the district."));
        shahid.awaitReceived("samir@example.org", 1);

        assertThat(run(environmentOf(shahid), "outbox")).isZero();
        assertThat(stdout.toString()).contains("ACKNOWLEDGEMENT", "SENT")
                .doesNotContain("samir").doesNotContain("Internet cut");
        assertThat(run(environmentOf(shahid), "outbox", "retry", "999")).isNotZero();
    }

    private int run(Map<String, String> environment, String... args) {
        stderr.getBuffer().setLength(0);
        CommandLine commandLine = ShahidCommand.commandLine(environment);
        commandLine.setErr(new PrintWriter(stderr, true));
        commandLine.setOut(new PrintWriter(stdout, true));
        return commandLine.execute(args);
    }

    private static Map<String, String> environmentOf(RunningShahid shahid) {
        Map<String, String> environment = new HashMap<>();
        shahid.settings().asProperties().forEach((key, value) -> {
            if (key.toString().startsWith("shahid.") && !key.toString().equals("shahid.home")) {
                environment.put(key.toString().toUpperCase().replace('.', '_').replace('-', '_'), value.toString());
            }
        });
        return environment;
    }
}
