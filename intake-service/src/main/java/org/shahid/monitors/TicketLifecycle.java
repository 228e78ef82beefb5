package org.shahid.monitors;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.shahid.tickets.TicketStatus;

/**
 * The status lifecycle monitors move tickets through: new → triaged → investigating → resolved/rejected → closed.
 * A step may skip triage (new → investigating), anything open may be rejected, and only a finished ticket can be
 * reopened (by {@code #reopen} or a reporter's follow-up), back to triaged. A ticket its reporter withdrew stays
 * withdrawn. Stateless and thread-safe.
 */
public final class TicketLifecycle {

    private TicketLifecycle() {
    }

    public static Set<TicketStatus> next(TicketStatus from) {
        return switch (from) {
            case NEW -> EnumSet.of(TicketStatus.TRIAGED, TicketStatus.INVESTIGATING, TicketStatus.REJECTED);
            case TRIAGED -> EnumSet.of(TicketStatus.INVESTIGATING, TicketStatus.REJECTED);
            case INVESTIGATING -> EnumSet.of(TicketStatus.RESOLVED, TicketStatus.REJECTED);
            case RESOLVED, REJECTED -> EnumSet.of(TicketStatus.CLOSED);
            // Withdrawn is final: the reporter took the report back, and neither a monitor nor a follow-up reopens it.
            case CLOSED, WITHDRAWN -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public static boolean canReopen(TicketStatus from) {
        return from == TicketStatus.RESOLVED || from == TicketStatus.REJECTED || from == TicketStatus.CLOSED;
    }

    /** Why {@code from → to} is not allowed, worded for a monitor. */
    public static String refusal(TicketStatus from, TicketStatus to) {
        Set<TicketStatus> allowed = next(from);
        return "cannot go from " + word(from) + " to " + word(to) + "; from " + word(from) + " the next step is "
                + (allowed.isEmpty() ? (canReopen(from) ? "none (use #reopen)" : "none: the reporter withdrew it")
                : allowed.stream().map(TicketLifecycle::word)
                .collect(Collectors.joining(" or ")))
                + (canReopen(from) ? ", or #reopen" : "");
    }

    public static String word(TicketStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
