package org.shahid.tickets;

/** A ticket's place in its lifecycle: new → triaged → investigating → resolved/rejected → closed. */
public enum TicketStatus {
    NEW,
    TRIAGED,
    INVESTIGATING,
    RESOLVED,
    REJECTED,
    CLOSED
}
