package org.shahid.intake;

import org.shahid.parsing.ParsedMail;

/**
 * One sign that a mail was written by a machine (an auto-reply, a bounce, a list), so that answering it
 * could start a mail loop (RFC 3834). Such mail is recorded but never acknowledged. Implementations are
 * stateless and thread-safe.
 */
public interface AutomatedMailCheck {

    boolean matches(ParsedMail mail);

    /** A short, fixed description for the ticket's history; never text taken from the mail. */
    String reason();
}
