package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #priority high}: the ticket's priority, which orders digests. */
public record SetPriority(String written,
                          @NotNull(message = "priority-missing")
                          @Pattern(regexp = "low|normal|high|urgent",
                                  message = "priority-invalid")
                          String priority) implements MonitorCommand {

    static SetPriority parse(String written, String argument) {
        return new SetPriority(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        String value = priority.toUpperCase(Locale.ROOT);
        scope.parts().triage().set(scope.handle(), scope.ticket().id(), "priority", value, scope.now());
        scope.record(TicketEventKind.PRIORITY_SET, value);
        return status;
    }
}
