package org.shahid.monitors;

import java.util.List;
import java.util.Locale;
import org.shahid.tickets.TicketStatus;

/** Checks one status step that a command asks for against {@link TicketLifecycle}. Stateless and thread-safe. */
final class LifecycleStep {

    private LifecycleStep() {
    }

    /** The status after the step, or {@code from} with the refusal added to the problems. */
    static TicketStatus check(TicketStatus from, TicketStatus to, String written, List<CommandProblem> problems) {
        if (from == to) {
            return from;
        }
        if (!TicketLifecycle.next(from).contains(to)) {
            problems.add(TicketLifecycle.refusal(written, from, to));
            return from;
        }
        return to;
    }

    static TicketStatus status(String word) {
        return TicketStatus.valueOf(word.toUpperCase(Locale.ROOT));
    }
}
