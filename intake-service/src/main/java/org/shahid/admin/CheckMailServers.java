package org.shahid.admin;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.shahid.kernel.Settings;
import org.shahid.outbound.SmtpSettings;

/**
 * {@code validate --connect}: logs in to the IMAP server with every mailbox's login and to the SMTP relay, as the
 * service would, and reports each refusal by its kind (never a password). Stateless.
 */
final class CheckMailServers {

    private CheckMailServers() {
    }

    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        String protocol = settings.text("shahid.imap.protocol");
        Properties imap = new Properties();
        String timeout = settings.text("shahid.imap.connection-timeout-ms");
        imap.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        imap.setProperty("mail." + protocol + ".timeout", timeout);
        for (String mailbox : CheckProductionSettings.mailboxes(settings)) {
            String prefix = "shahid.mailbox." + mailbox + ".";
            try (Store store = Session.getInstance(imap).getStore(protocol)) {
                store.connect(settings.text("shahid.imap.host"), settings.integer("shahid.imap.port"),
                        settings.text(prefix + "username"), settings.text(prefix + "password", ""));
                store.getFolder("INBOX").getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                problems.add("IMAP login of mailbox " + mailbox + " (" + settings.text(prefix + "username", "")
                        + ") failed: " + e.getClass().getSimpleName());
            }
        }
        SmtpSettings smtp = SmtpSettings.from(settings);
        try {
            Transport transport = Session.getInstance(smtp.sessionProperties()).getTransport(smtp.protocol());
            transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            problems.add("SMTP relay " + smtp.host() + ":" + smtp.port() + " refused Shahid: "
                    + e.getClass().getSimpleName());
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
