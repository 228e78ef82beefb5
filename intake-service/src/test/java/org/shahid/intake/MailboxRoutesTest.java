package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** Mailboxes are configuration: a new one is a YAML file and a password, no Java. */
class MailboxRoutesTest {

    private static final String TIPS = "tips@shahid.test";

    @TempDir
    Path state;

    @TempDir
    Path home;

    @Test
    void pollsAThirdMailboxAddedAsOneYamlFile() throws Exception {
        copyFolder(Path.of("routes"), home.resolve("routes"));
        copyFolder(Path.of("templates"), home.resolve("templates"));
        copyFolder(Path.of("monitoring"), home.resolve("monitoring"));
        Files.writeString(home.resolve("routes/tips.camel.yaml"), """
                - templatedRoute:
                    routeTemplateRef: mailbox
                    routeId: mailbox-tips
                    parameters:
                      - name: name
                        value: tips
                      - name: kind
                        value: REPORT
                      - name: address
                        value: tips@shahid.test
                      - name: username
                        value: tips@shahid.test
                      - name: password
                        value: "{{shahid.mailbox.tips.password}}"
                      - name: protocol
                        value: "{{shahid.imap.protocol}}"
                      - name: host
                        value: "{{shahid.imap.host}}"
                      - name: port
                        value: "{{shahid.imap.port}}"
                """);
        // What SHAHID_MAILBOX_TIPS_PASSWORD would set.
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.home", home.toString(),
                "shahid.mailbox.tips.password", TIPS))) {
            shahid.mail().setUser(TIPS, TIPS, TIPS);
            shahid.startService();

            shahid.deliverRaw(TIPS, TestMails.plain("nadia@example.org", TIPS, "Tip", "Paid posts without disclosure."));
            MimeMessage ack = shahid.awaitReceived("nadia@example.org", 1).get(0);

            assertThat(ack.getFrom()[0].toString()).contains(TIPS);
            assertThat(shahid.text("SELECT CONCAT(mailbox, ' ', kind) FROM ticket")).isEqualTo("tips REPORT");
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    Files.copy(file, to.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
