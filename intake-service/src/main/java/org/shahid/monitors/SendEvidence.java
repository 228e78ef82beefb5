package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #evidence 3} or {@code #evidence all}: mails the monitor who asked the scrubbed copies of the ticket's
 * evidence (file 3, or every file that has a copy) in mails of their own, each within
 * {@code shahid.monitors.evidence-mail-bytes}. Never an original nor a file flagged hostile; a file without a
 * copy, or too large for any mail, is refused with the reason.
 */
public record SendEvidence(String written,
                           @NotNull(message = "needs a file's number from the notification's evidence list, or all")
                           @Pattern(regexp = "all|[1-9][0-9]{0,3}",
                                   message = "names a file by its number in the evidence list, or all")
                           String which) implements MonitorCommand {

    public static final String PURPOSE = "MONITOR_EVIDENCE";

    static SendEvidence parse(String written, String argument) {
        return new SendEvidence(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<String> problems) {
        List<AttachScrubbedEvidence.Numbered> files = scope.parts().evidence().ofTicket(scope.handle(), scope.ticket().id());
        if (which.equals("all")) {
            if (scope.parts().evidence().mails(files).isEmpty()) {
                problems.add(written + ": the ticket has no scrubbed copy that can be mailed");
            }
        } else if (Integer.parseInt(which) > files.size()) {
            problems.add(written + ": the ticket has " + files.size() + " evidence files");
        } else {
            scope.parts().evidence().whyNotSent(files.get(Integer.parseInt(which) - 1).file())
                    .ifPresent(reason -> problems.add(written + ": file " + which + " " + reason));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        AttachScrubbedEvidence evidence = scope.parts().evidence();
        List<AttachScrubbedEvidence.Numbered> files = evidence.ofTicket(scope.handle(), scope.ticket().id());
        List<List<AttachScrubbedEvidence.Numbered>> mails = evidence.mails(which.equals("all") ? files
                : List.of(files.get(Integer.parseInt(which) - 1)));
        String reference = scope.ticket().reference().value();
        String from = scope.parts().mailboxAddress().apply("monitors");
        for (int i = 0; i < mails.size(); i++) {
            StringBuilder text = new StringBuilder("Scrubbed evidence of ").append(reference).append(", as asked by ")
                    .append(written).append(" (mail ").append(i + 1).append(" of ").append(mails.size()).append("):\n\n");
            mails.get(i).forEach(file -> text.append(file.number()).append(". ").append(file.file().publishedName())
                    .append(" SHA-256 ").append(file.file().scrubbedSha256()).append('\n'));
            RenderedMail content = new RenderedMail("[" + reference + "] Evidence " + String.format(Locale.ROOT,
                    "%d of %d", i + 1, mails.size()), text.toString(), "");
            long outboxId = scope.parts().outbox().enqueue(scope.handle(), new OutboxDao.NewMail(scope.ticket().id(),
                    PURPOSE, null, scope.actor(), from, scope.parts().messageIds().next(), content, "en"), scope.now());
            evidence.attach(scope.handle(), outboxId, mails.get(i));
        }
        scope.record(TicketEventKind.EVIDENCE_SENT, which + " in " + mails.size() + " mails");
        return status;
    }
}
