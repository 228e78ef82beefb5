package org.shahid.intake;

import java.util.List;

/** Names of the exchange headers that mailbox routes set and that intake reads or sets. One place, no ad-hoc strings. */
public final class IntakeHeaders {

    /** Set by a mailbox route: the mailbox's short name, e.g. {@code report}. */
    public static final String MAILBOX = "ShahidMailbox";
    /** Set by a mailbox route: the address reporters write to. */
    public static final String MAILBOX_ADDRESS = "ShahidMailboxAddress";
    /** Set by a mailbox route: REPORT or COMMENT. */
    public static final String TICKET_KIND = "ShahidTicketKind";
    /** Read by camel-mail when it commits: the folder to move the mail to. */
    public static final String CAMEL_MAIL_MOVE_TO = "CamelMailMoveTo";
    /**
     * Headers with which camel-mail lets a message steer its own commit (delete, move, copy). Intake removes
     * any that a hostile mail could have smuggled in before deciding itself (CAMEL-23591).
     */
    public static final List<String> COMMIT_OVERRIDES = List.of("CamelMailMoveTo", "CamelMailCopyTo",
            "CamelMailDelete", "delete", "moveTo", "copyTo");

    private IntakeHeaders() {
    }
}
