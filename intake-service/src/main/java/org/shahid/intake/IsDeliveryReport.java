package org.shahid.intake;

import java.util.Locale;
import org.shahid.parsing.ParsedMail;

/** A delivery status or disposition notification (multipart/report, RFC 6522): a bounce or a read receipt. */
public final class IsDeliveryReport implements AutomatedMailCheck {

    @Override
    public boolean matches(ParsedMail mail) {
        return mail.headers().first("Content-Type")
                .map(value -> value.toLowerCase(Locale.ROOT).replaceAll("\\s", "").startsWith("multipart/report"))
                .orElse(false);
    }

    @Override
    public String reason() {
        return "delivery or read report";
    }
}
