package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bench's relay notes when each recipient's first mail arrived and, as an MTA passing mail on, keeps none. */
class RelayArrivalsTest {

    private GreenMail relay;
    private RelayArrivals arrivals;

    @BeforeEach
    void startRelay() {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        arrivals = RelayArrivals.listenTo(relay);
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Test
    void notesEachRecipientsFirstArrivalAndKeepsNoMailNorAccount() throws Exception {
        long before = System.nanoTime();
        send("reporter-1@example.org", "first");
        long betweenFirstAndSecond = System.nanoTime();
        send("reporter-2@example.org", "second");
        send("reporter-1@example.org", "a status update");

        assertThat(arrivals.firstArrivalNanos()).containsOnlyKeys("reporter-1@example.org", "reporter-2@example.org");
        assertThat(arrivals.firstArrivalNanos().get("reporter-1@example.org"))
                .as("the first mail's arrival, not the later one's").isBetween(before, betweenFirstAndSecond);
        assertThat(relay.getReceivedMessages()).as("mail kept by the relay").isEmpty();
        assertThat(relay.getUserManager().listUser()).as("accounts made by the relay").isEmpty();
    }

    private void send(String recipient, String subject) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(relay.getSmtp().getPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("report@shahid.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject);
        message.setText("Received.");
        Transport.send(message);
    }
}
