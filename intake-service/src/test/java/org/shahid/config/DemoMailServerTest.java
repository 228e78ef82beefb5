package org.shahid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoMailServerTest {

    private DemoMailServer server;
    private Session session;

    @BeforeEach
    void startOnFreePorts() {
        server = DemoMailServer.onFreePorts();
        server.start();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        session = Session.getInstance(properties);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnFreeLoopbackPortsNotTheDemoDefaults() {
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.smtpPort()).isPositive().isNotEqualTo(DemoMailServer.DEFAULT_SMTP_PORT);
        assertThat(server.imapPort()).isPositive().isNotEqualTo(DemoMailServer.DEFAULT_IMAP_PORT);
    }

    @Test
    void deliversMailToReportAndReadsItBackOverImapWithTheAddressAsLoginAndPassword() throws Exception {
        send("you@example.org", DemoMailServer.REPORT_ADDRESS, "Ballot box removed", "Seen at 10:00 in school 12.");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> subjectsInInbox(DemoMailServer.REPORT_ADDRESS, DemoMailServer.REPORT_ADDRESS),
                        subjects -> subjects.contains("Ballot box removed"));
    }

    @Test
    void givesAnyOtherRecipientAMailboxOnFirstDeliveryWithLoginAndPasswordEqualToTheAddress() throws Exception {
        send(DemoMailServer.REPORT_ADDRESS, "someone@example.org", "[SHD-TEST-1] Report received", "Thank you.");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> subjectsInInbox("someone@example.org", "someone@example.org"),
                        subjects -> subjects.contains("[SHD-TEST-1] Report received"));
    }

    @Test
    void letsEveryDemoMailboxLogInBeforeAnyMailArrives() throws Exception {
        for (String address : DemoMailServer.DEMO_MAILBOXES) {
            assertThat(subjectsInInbox(address, address)).as(address).isEmpty();
        }
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> subjectsInInbox(DemoMailServer.REPORT_ADDRESS, "guess"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesToStartOnATakenPortWithAOneLineReason() throws IOException {
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DemoMailServer second = new DemoMailServer(occupier.getLocalPort(), 0);
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SMTP port 127.0.0.1:" + occupier.getLocalPort() + " is already in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void defaultsToGreenMailsDemoPorts() {
        DemoMailServer defaults = new DemoMailServer();
        assertThat(defaults.smtpPort()).isEqualTo(3025);
        assertThat(defaults.imapPort()).isEqualTo(3143);
    }

    private void send(String from, String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    private List<String> subjectsInInbox(String login, String password) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect(server.host(), server.imapPort(), login, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
                return subjects;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
