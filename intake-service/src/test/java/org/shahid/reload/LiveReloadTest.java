package org.shahid.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.slf4j.LoggerFactory;

/**
 * Files and routes changed while Shahid runs, on a copy of the repository's routes/, templates/ and monitoring/.
 * One service for the class; each test counts only its own mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReloadTest {

    private static final String TIPS = "tips@shahid.test";

    private Path home;
    private RunningShahid shahid;

    @BeforeAll
    void startShahid(@TempDir Path state) throws IOException {
        home = copyOfHome(state);
        shahid = RunningShahid.prepare(state.resolve("state"), Map.of("shahid.home", home.toString(),
                "shahid.reload.check-interval-ms", "300",
                "shahid.mailbox.tips.address", TIPS, "shahid.mailbox.tips.username", TIPS,
                "shahid.mailbox.tips.password", TIPS));
        shahid.mail().setUser(TIPS, TIPS, TIPS);
        shahid.startService();
    }

    @AfterAll
    void stopShahid() {
        shahid.close();
    }

    @Test
    void anEditedTemplateChangesTheNextAcknowledgementAndABrokenEditIsRefused() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(WatchedFile.class)).addAppender(log);
        try {
            Path subject = home.resolve("templates/report-received.en.subject.ftl");
            saveAsAnEditorDoes(subject, "[${reference}] Your report reached the election monitors (edited)\n");
            awaitChecked(shahid);
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("first@example.org", RunningShahid.REPORT,
                    "Ballot box", "Carried out at noon."));
            assertThat(shahid.awaitReceived("first@example.org", 1).get(0).getSubject())
                    .endsWith("Your report reached the election monitors (edited)");

            saveAsAnEditorDoes(subject, "[${reference} Your report <#if>\n");
            awaitChecked(shahid);
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("second@example.org", RunningShahid.REPORT,
                    "Vote buying", "Cash at the gate."));
            MimeMessage second = shahid.awaitReceived("second@example.org", 1).get(0);
            assertThat(second.getSubject()).endsWith("(edited)");
            List<ILoggingEvent> refusals = log.list.stream()
                    .filter(event -> event.getFormattedMessage().startsWith("Reload of templates")).toList();
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0).getFormattedMessage())
                    .contains(home.resolve("templates").toString())
                    .contains("refused, the previous version keeps serving")
                    .contains("report-received.en.subject.ftl");
            assertThat(refusals.get(0).getThrowableProxy()).isNull();
        } finally {
            ((Logger) LoggerFactory.getLogger(WatchedFile.class)).detachAppender(log);
        }
    }

    @Test
    void aRouteReloadAddingAMailboxLosesNoMailOfTheOthers() throws Exception {
        long reportTickets = shahid.count("SELECT COUNT(*) FROM ticket WHERE mailbox = 'report'");
        long lastTicketBefore = shahid.count("SELECT IFNULL(MAX(id), 0) FROM ticket");
        int inbox = shahid.folderState(RunningShahid.REPORT, "INBOX").size();
        for (int i = 0; i < 5; i++) {
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("before" + i + "@example.org",
                    RunningShahid.REPORT, "Report " + i, "Text " + i));
        }
        // a broken route file is refused and the running routes stay
        Files.writeString(home.resolve("routes/broken.camel.yaml"), "- route:\n    from: {uri: \"nosuch:x\"}\n");
        assertThat(shahid.service().reloadRoutes()).isFalse();
        Files.delete(home.resolve("routes/broken.camel.yaml"));

        Files.writeString(home.resolve("routes/tips.camel.yaml"), Files.readString(home.resolve(
                "routes/report.camel.yaml")).replace("mailbox-report", "mailbox-tips")
                .replace("value: report", "value: tips").replace("shahid.mailbox.report.", "shahid.mailbox.tips."));
        for (int i = 0; i < 5; i++) {
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("during" + i + "@example.org",
                    RunningShahid.REPORT, "Report during " + i, "Text during " + i));
        }
        assertThat(shahid.service().reloadRoutes()).isTrue();
        shahid.deliverRaw(TIPS, TestMails.plain("tipster@example.org", TIPS, "A tip", "Look at the school."));
        for (int i = 0; i < 5; i++) {
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("after" + i + "@example.org",
                    RunningShahid.REPORT, "Report after " + i, "Text after " + i));
        }
        shahid.awaitCount("SELECT COUNT(*) FROM ticket WHERE mailbox = 'report'", reportTickets + 15);
        shahid.awaitCount("SELECT COUNT(*) FROM ticket WHERE mailbox = 'tips'", 1);
        shahid.awaitCount("SELECT COUNT(*) FROM outbox o JOIN ticket t ON t.id = o.ticket_id WHERE t.id > "
                + lastTicketBefore + " AND o.purpose = 'ACKNOWLEDGEMENT' AND o.status = 'SENT'", 16);
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine")).isZero();
        assertThat(shahid.folderState(RunningShahid.REPORT, "INBOX")).hasSize(inbox + 15)
                .allMatch(m -> m.startsWith("seen"));
        assertThat(shahid.service().camelContext().getRoute("mailbox-tips")).isNotNull();
    }

    /**
     * Writes the file whole and renames it into place, as editors save: the check must see the edit, never a
     * half-written file (which it would rightly refuse, once more than the edit under test).
     */
    private void saveAsAnEditorDoes(Path file, String content) throws IOException {
        Path draft = Files.writeString(home.resolveSibling(file.getFileName() + ".draft"), content);
        Files.move(draft, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitChecked(RunningShahid shahid) {
        await().atMost(Duration.ofSeconds(20)).until(() -> shahid.service().beans().operations().reloadChangedFiles()
                .files().stream().allMatch(WatchedFile::isUpToDate));
    }

    private static Path copyOfHome(Path state) throws IOException {
        Path home = Files.createDirectories(state.resolve("home"));
        for (String folder : List.of("routes", "templates", "monitoring")) {
            Path source = Path.of(folder);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = home.resolve(source.relativize(file).toString().isEmpty() ? folder
                            : folder + "/" + source.relativize(file));
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return home;
    }
}
