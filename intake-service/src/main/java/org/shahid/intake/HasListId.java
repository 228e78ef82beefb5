package org.shahid.intake;

import org.shahid.parsing.ParsedMail;

/** Mail distributed by a mailing list (List-Id or List-Unsubscribe, RFC 2919/2369). */
public final class HasListId implements AutomatedMailCheck {

    @Override
    public boolean matches(ParsedMail mail) {
        return mail.headers().first("List-Id").isPresent() || mail.headers().first("List-Unsubscribe").isPresent();
    }

    @Override
    public String reason() {
        return "sent through a mailing list";
    }
}
