package org.shahid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's promise, checked on the packaged jar: {@code java -jar intake-service.jar demo} starts with
 * nothing but a JDK (embedded MariaDB, in-process GreenMail), a newcomer mails a report and gets an
 * acknowledgement back, and SIGTERM stops it within 10 seconds.
 */
class DemoJarIT {

    private static final String NEWCOMER = "newcomer@example.org";

    private final Path dataDir = Path.of("intake-service", "target", "demo-it-" + System.nanoTime()).toAbsolutePath();
    private Process demo;

    @AfterEach
    void cleanUp() throws Exception {
        if (demo != null && demo.isAlive()) {
            demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void startsWithNothingButAJdkAnswersAReportAndStopsOnSigterm() throws Exception {
        int smtpPort = freePort();
        int imapPort = freePort();
        Path output = Files.createDirectories(dataDir).resolve("demo.out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-jar", "intake-service/target/intake-service.jar", "demo",
                "--smtp-port", String.valueOf(smtpPort), "--imap-port", String.valueOf(imapPort))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("SHAHID_DB_URL");
        builder.environment().remove("SHAHID_MONITORS_ALLOW_UNAUTHENTICATED");
        builder.environment().remove("SHAHID_MAIL_AUTHSERV_ID");
        builder.environment().put("SHAHID_PUSH_PORT", "0");
        builder.environment().put("SHAHID_DATA_DIR", dataDir.toString());
        demo = builder.start();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> !demo.isAlive() || Files.readString(output, StandardCharsets.UTF_8).contains("swaks"));
        assertThat(demo.isAlive()).as(Files.readString(output, StandardCharsets.UTF_8)).isTrue();

        sendReport(smtpPort);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> acknowledgementSubject(imapPort) != null);
        assertThat(acknowledgementSubject(imapPort)).matches(".*\\[SHD-[A-Z0-9-]+\\].*");
        // GreenMail writes no Authentication-Results: the demo accepts monitors' replies without it, and says so.
        assertThat(Files.readString(output, StandardCharsets.UTF_8))
                .contains("Monitors' replies: NOT authenticated (SHAHID_MONITORS_ALLOW_UNAUTHENTICATED=true)");

        long stopping = System.nanoTime();
        demo.destroy();
        assertThat(demo.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
    }

    private static void sendReport(int smtpPort) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage report = new MimeMessage(Session.getInstance(properties));
        report.setFrom(new InternetAddress(NEWCOMER));
        report.setRecipients(Message.RecipientType.TO, "report@shahid.test");
        report.setSubject("Fabricated picture of a candidate", "UTF-8");
        report.setText("A fabricated picture of a candidate is shared by many new accounts.", "UTF-8");
        Transport.send(report);
    }

    private static String acknowledgementSubject(int imapPort) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(NEWCOMER, NEWCOMER);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            String subject = inbox.getMessageCount() == 0 ? null : inbox.getMessage(1).getSubject();
            inbox.close(false);
            return subject;
        } catch (jakarta.mail.AuthenticationFailedException notYetDelivered) {
            return null;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
