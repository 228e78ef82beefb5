package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.lang.reflect.Field;
import java.net.Socket;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's SMTP connections have Nagle's algorithm off, over plain SMTP and over implicit TLS: with it on, every
 * mail larger than Angus' 8 KB write block waited 40 ms for the relay's delayed ACK (see the bench figures in
 * docs/performance.md). Read off the connected socket itself, so the test does not depend on timing.
 */
class SmtpWithoutNagleTest {

    private GreenMail relay;

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void aPlainConnectionToTheRelaySendsWithoutDelay() throws Exception {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", relay.getSmtp().getPort(), "", "", false, false, 5000, 5000);

        assertThat(whileConnected(smtp.sessionProperties(), smtp, Socket::getTcpNoDelay)).isTrue();
    }

    @Test
    void anImplicitTlsConnectionIsStillTlsAndSendsWithoutDelay() throws Exception {
        relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        relay.start();
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", relay.getSmtps().getPort(), "", "", false, true, 5000, 5000);
        Properties properties = smtp.sessionProperties();
        // GreenMail's own certificate: trusted here, and not issued for 127.0.0.1.
        properties.put("mail.smtps.ssl.trust", "*");
        properties.put("mail.smtps.ssl.checkserveridentity", "false");

        assertThat(whileConnected(properties, smtp, socket -> socket instanceof SSLSocket)).isTrue();
        assertThat(whileConnected(properties, smtp, Socket::getTcpNoDelay)).isTrue();
    }

    private interface SocketProperty {
        boolean of(Socket socket) throws Exception;
    }

    /** {@code property} of the socket of a connection opened with {@code properties}, read before it closes. */
    private static boolean whileConnected(Properties properties, SmtpSettings smtp, SocketProperty property)
            throws Exception {
        Transport transport = Session.getInstance(properties).getTransport(smtp.protocol());
        transport.connect(smtp.host(), smtp.port(), null, null);
        try {
            Field serverSocket = SMTPTransport.class.getDeclaredField("serverSocket");
            serverSocket.setAccessible(true);
            return property.of((Socket) serverSocket.get(transport));
        } finally {
            transport.close();
        }
    }
}
