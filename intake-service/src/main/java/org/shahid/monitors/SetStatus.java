package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.shahid.tickets.TicketStatus;

/** {@code #status investigating}: moves the ticket along its lifecycle. */
public record SetStatus(String written,
                        @NotNull(message = "status-missing")
                        @Pattern(regexp = "triaged|investigating|resolved|rejected|closed",
                                message = "status-invalid")
                        String status) implements MonitorCommand {

    static SetStatus parse(String written, String argument) {
        return new SetStatus(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus from, List<CommandProblem> problems) {
        return LifecycleStep.check(from, LifecycleStep.status(status), written, problems);
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus from) {
        return scope.move(from, LifecycleStep.status(status));
    }

    @Override
    public boolean isVerdict() {
        return List.of("resolved", "rejected", "closed").contains(status);
    }
}
