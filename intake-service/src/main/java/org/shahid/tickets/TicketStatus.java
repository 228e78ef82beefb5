package org.shahid.tickets;

/**
 * A ticket's place in its lifecycle: new → triaged → investigating → resolved/rejected → closed; a report its reporter
 * took back is withdrawn, for good.
 */
public enum TicketStatus {
    NEW,
    TRIAGED,
    INVESTIGATING,
    RESOLVED,
    REJECTED,
    CLOSED,
    /** Taken back by its reporter (see reporters.WithdrawReport). */
    WITHDRAWN
}
