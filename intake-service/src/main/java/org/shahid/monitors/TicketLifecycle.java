package org.shahid.monitors;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** Why the command {@code written} cannot take a ticket {@code from → to}, for the monitor. */
    static CommandProblem refusal(String written, TicketStatus from, TicketStatus to) {
        List<String> allowed = next(from).stream().map(TicketLifecycle::word).toList();
        String code = allowed.isEmpty() ? (canReopen(from) ? "lifecycle-only-reopen" : "lifecycle-withdrawn")
                : (canReopen(from) ? "lifecycle-next-or-reopen" : "lifecycle-next");
        return CommandProblem.of(code, written, word(from), word(to), allowed);
    }

    public static String word(TicketStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
