package org.shahid.monitors;

import java.util.List;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #reopen}: takes a resolved, rejected or closed ticket back to triaged. */
public record Reopen(String written) implements MonitorCommand {

    static Reopen parse(String written, String argument) {
        return new Reopen(written);
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        if (TicketLifecycle.canReopen(status)) {
            return TicketStatus.TRIAGED;
        }
        problems.add(CommandProblem.of("reopen-not-finished", written, TicketLifecycle.word(status)));
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        scope.record(TicketEventKind.REOPENED, TicketLifecycle.word(status) + " -> triaged");
        scope.parts().triage().setStatus(scope.handle(), scope.ticket().id(), TicketStatus.TRIAGED.name(),
                scope.now());
        return TicketStatus.TRIAGED;
    }
}
