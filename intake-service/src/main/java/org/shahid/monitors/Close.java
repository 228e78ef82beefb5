package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.shahid.tickets.TicketStatus;

/** {@code #close resolved}: finishes the ticket as resolved or rejected and closes it, in one reply. */
public record Close(String written,
                    @NotNull(message = "close-missing")
                    @Pattern(regexp = "resolved|rejected", message = "close-invalid")
                    String resolution) implements MonitorCommand {

    static Close parse(String written, String argument) {
        return new Close(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus from, List<CommandProblem> problems) {
        TicketStatus ending = LifecycleStep.status(resolution);
        TicketStatus status = from == ending ? from : LifecycleStep.check(from, ending, written, problems);
        return LifecycleStep.check(status, TicketStatus.CLOSED, written, problems);
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus from) {
        TicketStatus status = scope.move(from, LifecycleStep.status(resolution));
        return scope.move(status, TicketStatus.CLOSED);
    }

    @Override
    public boolean isVerdict() {
        return true;
    }
}
