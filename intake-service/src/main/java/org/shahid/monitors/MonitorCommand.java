package org.shahid.monitors;

import java.util.List;
import org.shahid.tickets.TicketStatus;

/**
 * One command from the first lines of a monitor's reply. Each command is a value (checked by Hibernate Validator
 * through its constraints), parses itself from its line, checks itself against the ticket and applies itself;
 * {@link MonitorCommands} lists them by verb. Implementations are immutable and thread-safe.
 */
public interface MonitorCommand {

    /** How the command was written, for messages back to the monitor. */
    String written();

    /**
     * Adds what keeps this command from being applied to the ticket, as the commands before it in the reply leave
     * its status, and returns the status it leaves. Writes nothing.
     */
    default TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        return status;
    }

    /** Applies a command {@link #check} accepted, recording it in the ticket's history; returns the new status. */
    TicketStatus apply(CommandScope scope, TicketStatus status);

    /** Whether this command decides the ticket's outcome, which {@code #cluster} passes on to linked tickets. */
    default boolean isVerdict() {
        return false;
    }

    /** Whether {@code #cluster} applies this command to the linked tickets too: verdicts and findings. */
    default boolean passesToCluster() {
        return isVerdict();
    }
}
