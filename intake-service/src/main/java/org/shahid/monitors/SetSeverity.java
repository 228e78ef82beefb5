package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/** {@code #severity low|medium|high}: how grave the finding is. */
public record SetSeverity(String written,
                          @NotNull(message = "severity-missing")
                          @Pattern(regexp = "low|medium|high", message = "severity-invalid")
                          String severity) implements MonitorCommand {

    static SetSeverity parse(String written, String argument) {
        return new SetSeverity(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        String stored = severity.toUpperCase(Locale.ROOT);
        scope.parts().findings().set(scope.handle(), scope.ticket().id(), scope.now(), "severity", stored);
        scope.record(TicketEventKind.SEVERITY_SET, severity);
        return status;
    }

    @Override
    public boolean passesToCluster() {
        return true;
    }
}
