package org.shahid.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;
import org.shahid.intake.IngestMail;
import org.subethamail.smtp.server.SMTPServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push intake: an SMTP listener that the mail server relays report@ and info@ to, beside (or instead of) IMAP
 * polling. Each mail goes through the same {@link IngestMail#handle} as a polled one (same keys, attempts and
 * quarantine), see {@link AcceptPushedMail}. Reads {@code shahid.push.*}, {@code shahid.limits.message-bytes} and
 * {@code shahid.data-dir} (a mail over the limit is spooled, encrypted, in its {@code work/} folder);
 * started by the service when {@code shahid.push.port} is set. Thread-safe; one SMTP session per thread.
 */
public final class SmtpPushListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpPushListener.class);

    private final SMTPServer server;

    private SmtpPushListener(SMTPServer server) {
        this.server = server;
    }

    /** Whether the settings ask for a listener at all. */
    public static boolean configured(Settings settings) {
        return settings.has("shahid.push.port");
    }

    public static SmtpPushListener start(Settings settings, IngestMail ingestMail) {
        PushRecipients recipients = PushRecipients.from(settings);
        long maxBytes = settings.number("shahid.limits.message-bytes");
        long maxOversizedBytes = settings.number("shahid.push.max-oversized-bytes");
        if (maxOversizedBytes < maxBytes || maxOversizedBytes > Integer.MAX_VALUE) {
            throw new ConfigurationException("shahid.push.max-oversized-bytes must lie between"
                    + " shahid.limits.message-bytes (" + maxBytes + ") and " + Integer.MAX_VALUE);
        }
        Path workFolder = settings.path("shahid.data-dir").resolve("work");
        removeAbandonedSpools(workFolder);
        String host = settings.text("shahid.push.host");
        SMTPServer server;
        try {
            server = SMTPServer.port(settings.integer("shahid.push.port"))
                    .bindAddress(InetAddress.getByName(host))
                    .hostName(settings.text("shahid.push.hostname"))
                    .softwareName("Shahid")
                    .maxConnections(settings.integer("shahid.push.max-connections"))
                    .connectionTimeout((int) settings.duration("shahid.push.connection-timeout").toMillis(),
                            TimeUnit.MILLISECONDS)
                    // Advertised as SIZE: a mail above the hard cap is refused at MAIL FROM, before its data.
                    .maxMessageSize((int) maxOversizedBytes)
                    .maxRecipients(4)
                    .messageHandlerFactory(context -> new AcceptPushedMail(ingestMail, recipients, maxBytes,
                            maxOversizedBytes, workFolder))
                    .build();
        } catch (UnknownHostException e) {
            throw new ConfigurationException("shahid.push.host: unknown host " + host);
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new ConfigurationException("push listener cannot listen on " + host + ":"
                    + settings.integer("shahid.push.port") + " (" + e.getMessage() + ")");
        }
        LOG.info("Push intake listening on {}:{}", host, server.getPortAllocated());
        return new SmtpPushListener(server);
    }

    /** Spools a crash left behind (encrypted under keys that died with it) would otherwise stay for ever. */
    private static void removeAbandonedSpools(Path workFolder) {
        try {
            int removed = EncryptedSpool.removeAbandoned(workFolder, java.time.Duration.ofHours(1));
            if (removed > 0) {
                LOG.info("Removed {} spool files of pushed mail left by an earlier run", removed);
            }
        } catch (java.io.IOException e) {
            LOG.warn("Could not look for spool files left by an earlier run: {}", e.getClass().getSimpleName());
        }
    }

    /** The port it listens on (the allocated one when {@code shahid.push.port=0}). */
    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
