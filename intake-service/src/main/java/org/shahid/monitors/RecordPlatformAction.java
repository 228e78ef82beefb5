package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.shahid.findings.Finding;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #platform-action removed|labelled|refused|none}: what the platform did about the escalation; the time
 * from escalation to this is the platform's response time in the findings.
 */
public record RecordPlatformAction(String written,
                                   @NotNull(message = "platform-action-missing")
                                   @Pattern(regexp = "removed|labelled|refused|none",
                                           message = "platform-action-invalid")
                                   String action) implements MonitorCommand {

    static RecordPlatformAction parse(String written, String argument) {
        return new RecordPlatformAction(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        boolean escalated = scope.parts().findings().find(scope.handle(), scope.ticket().id())
                .map(Finding::escalatedAt).isPresent();
        if (!escalated) {
            problems.add(CommandProblem.of("platform-action-not-escalated", written));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        scope.parts().findings().set(scope.handle(), scope.ticket().id(), scope.now(), "platform_action",
                action.toUpperCase(Locale.ROOT), "platform_action_at", scope.now());
        scope.record(TicketEventKind.PLATFORM_ACTION_SET, action);
        return status;
    }
}
