package org.shahid.monitors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketReference;
import org.shahid.tickets.TicketStatus;

/** {@code #reject duplicate [SHD-…]}: rejects the ticket with a reason, naming the ticket it duplicates if any. */
public record Reject(String written,
                     @NotBlank(message = "reject-missing")
                     @Size(max = 200, message = "reject-too-long") String reason,
                     @Pattern(regexp = "SHD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", message = "reject-not-a-reference")
                     String duplicateOf) implements MonitorCommand {

    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("\\[?(SHD-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4})\\]?");

    static Reject parse(String written, String argument) {
        Matcher reference = REFERENCE.matcher(argument);
        if (!reference.find()) {
            return new Reject(written, argument, null);
        }
        String reason = (argument.substring(0, reference.start()) + argument.substring(reference.end())).strip();
        return new Reject(written, reason, reference.group(1).toUpperCase(Locale.ROOT));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus from, List<CommandProblem> problems) {
        TicketStatus status = LifecycleStep.check(from, TicketStatus.REJECTED, written, problems);
        if (duplicateOf != null && scope.parts().tickets()
                .findByReference(scope.handle(), new TicketReference(duplicateOf)).isEmpty()) {
            problems.add(CommandProblem.of("reject-no-ticket", written, duplicateOf));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus from) {
        TicketStatus status = scope.move(from, TicketStatus.REJECTED);
        scope.record(TicketEventKind.REJECTED_BECAUSE, reason + (duplicateOf == null ? "" : " " + duplicateOf));
        return status;
    }

    @Override
    public boolean isVerdict() {
        return true;
    }
}
