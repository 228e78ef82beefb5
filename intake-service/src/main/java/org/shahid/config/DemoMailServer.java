package org.shahid.config;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's in-process mail server (GreenMail): plain SMTP and IMAP on loopback, with Shahid's demo mailboxes whose
 * login and password are both the address, and a mailbox on first delivery for any other recipient (GreenMail's
 * default), likewise with login = password = address. Start and close are thread-safe.
 */
public final class DemoMailServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;

    public static final String REPORT_ADDRESS = "report@shahid.test";
    public static final String INFO_ADDRESS = "info@shahid.test";
    public static final String MONITORS_ADDRESS = "monitors@shahid.test";
    public static final String MONITOR1_ADDRESS = "monitor1@shahid.test";
    public static final String MONITOR2_ADDRESS = "monitor2@shahid.test";
    /** Where bounces of Shahid's own mail arrive (routes/bounces.camel.yaml). */
    public static final String BOUNCES_ADDRESS = "bounces@shahid.test";
    /** The mailboxes that exist from the start; each logs in with the address as login and as password. */
    public static final List<String> DEMO_MAILBOXES =
            List.of(REPORT_ADDRESS, INFO_ADDRESS, MONITORS_ADDRESS, MONITOR1_ADDRESS, MONITOR2_ADDRESS,
                    BOUNCES_ADDRESS);

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

    private final ServerSetup smtpSetup;
    private final ServerSetup imapSetup;
    private final GreenMail greenMail;

    /** The demo's mail server on GreenMail's default ports, 3025 (SMTP) and 3143 (IMAP). */
    public DemoMailServer() {
        this(DEFAULT_SMTP_PORT, DEFAULT_IMAP_PORT);
    }

    /** A mail server on the given loopback ports; 0 lets the system pick a free one at {@link #start()}. */
    public DemoMailServer(int smtpPort, int imapPort) {
        this.smtpSetup = new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP);
        this.imapSetup = new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP);
        this.greenMail = new GreenMail(new ServerSetup[] {smtpSetup, imapSetup});
    }

    /** For tests: a server on free ports, so it never collides with a running demo on 3025/3143. */
    public static DemoMailServer onFreePorts() {
        return new DemoMailServer(0, 0);
    }

    /**
     * Starts SMTP and IMAP and creates the demo mailboxes.
     *
     * @throws IllegalStateException with a one-line reason, e.g. when a port is taken
     */
    public synchronized void start() {
        refusePortInUse("SMTP", smtpSetup.getPort());
        refusePortInUse("IMAP", imapSetup.getPort());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("Cannot start the demo mail server (SMTP " + HOST + ":" + smtpSetup.getPort()
                    + ", IMAP " + HOST + ":" + imapSetup.getPort() + "): " + e.getMessage(), e);
        }
        // After start(), because GreenMail builds its user store when it starts.
        for (String address : DEMO_MAILBOXES) {
            greenMail.setUser(address, address, address);
        }
        LOG.info("Demo mail server listening: SMTP {}:{}, IMAP {}:{} (no TLS; login = password = address)",
                HOST, smtpPort(), HOST, imapPort());
    }

    /** The SMTP port; with a requested port of 0, the one chosen once started. */
    public int smtpPort() {
        return greenMail.isRunning() ? greenMail.getSmtp().getPort() : smtpSetup.getPort();
    }

    /** The IMAP port; with a requested port of 0, the one chosen once started. */
    public int imapPort() {
        return greenMail.isRunning() ? greenMail.getImap().getPort() : imapSetup.getPort();
    }

    public String host() {
        return HOST;
    }

    /** The underlying GreenMail, for tests that inspect or purge mailboxes. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public synchronized void close() {
        if (greenMail.isRunning()) {
            greenMail.stop();
            LOG.info("Demo mail server stopped");
        }
    }

    private static void refusePortInUse(String protocol, int port) {
        if (port == 0) {
            return;
        }
        // GreenMail reports a taken port as a generic start-up timeout; probing first names the culprit.
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the demo mail server: " + protocol + " port " + HOST + ":"
                    + port + " is already in use (is another demo running?)", e);
        }
    }
}
