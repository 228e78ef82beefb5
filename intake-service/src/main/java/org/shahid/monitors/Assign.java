package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #assign me} or {@code #assign monitor2@…}: gives the ticket to its writer or to someone on the roster. */
public record Assign(String written,
                     @NotNull(message = "needs 'me' or a roster address")
                     @Pattern(regexp = "me|[^@\\s]+@[^@\\s]+", message = "needs 'me' or a roster address") String who)
        implements MonitorCommand {

    static Assign parse(String written, String argument) {
        return new Assign(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<String> problems) {
        if (!who.equals("me") && scope.parts().roster().find(who).isEmpty()) {
            problems.add(written + ": " + who + " is not on the roster");
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
