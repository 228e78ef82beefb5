package org.shahid.tickets;

/** What a mailbox's mail opens: a violation report (report@) or a comment or suggestion (info@). */
public enum TicketKind {
    REPORT,
    COMMENT
}
