package org.shahid.intake;

import java.util.Locale;
import java.util.Set;
import org.shahid.parsing.MailAddress;
import org.shahid.parsing.ParsedMail;

/** Mail from MAILER-DAEMON, postmaster and similar system senders: bounces and delivery notices. */
public final class IsFromSystemSender implements AutomatedMailCheck {

    private static final Set<String> SYSTEM_LOCAL_PARTS =
            Set.of("mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply", "bounce",
                    "bounces", "mail-daemon");

    @Override
    public boolean matches(ParsedMail mail) {
        return mail.from().map(MailAddress::address).map(IsFromSystemSender::localPart)
                .map(local -> SYSTEM_LOCAL_PARTS.contains(local) || local.startsWith("bounce+")
                        || local.startsWith("bounces+"))
                .orElse(false);
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    @Override
    public String reason() {
        return "sent by a mail system (mailer-daemon, postmaster, no-reply)";
    }
}
