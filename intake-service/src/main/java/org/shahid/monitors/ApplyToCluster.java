package org.shahid.monitors;

import org.shahid.tickets.TicketStatus;

/**
 * {@code #cluster}: applies the reply's verdict (and its message) to every ticket linked by shared evidence too.
 * It changes nothing itself; {@link ApplyCommands} passes the verdict on once the reply is applied.
 */
public record ApplyToCluster(String written) implements MonitorCommand {

    static ApplyToCluster parse(String written, String argument) {
        return new ApplyToCluster(written);
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        return status;
    }
}
