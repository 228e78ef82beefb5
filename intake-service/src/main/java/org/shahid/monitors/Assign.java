package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #assign me} or {@code #assign monitor2@…}: gives the ticket to its writer or to someone on the roster. */
public record Assign(String written,
                     @NotNull(message = "assign-who")
                     @Pattern(regexp = "me|[^@\\s]+@[^@\\s]+", message = "assign-who") String who)
        implements MonitorCommand {

    static Assign parse(String written, String argument) {
        return new Assign(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        if (!who.equals("me") && scope.parts().roster().find(who).isEmpty()) {
            problems.add(CommandProblem.of("assign-not-on-roster", written, who));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        String assignee = who.equals("me") ? scope.actor() : scope.parts().roster().find(who).orElseThrow().address();
        scope.parts().triage().set(scope.handle(), scope.ticket().id(), "assignee", assignee, scope.now());
        scope.record(TicketEventKind.ASSIGNED, assignee);
        return status;
    }
}
