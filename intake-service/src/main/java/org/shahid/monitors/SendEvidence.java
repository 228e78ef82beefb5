package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shahid.language.Language;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #evidence 3} or {@code #evidence all}: mails the monitor who asked the scrubbed copies of the ticket's
 * evidence (file 3, or every file that has a copy) in mails of their own, each within
 * {@code shahid.monitors.evidence-mail-bytes}, worded in the monitor's language ({@code monitor-evidence}
 * templates). Never an original nor an executable; a file flagged hostile (a suspected zip bomb) only when asked
 * for by number with {@code #evidence 3 hostile}, which its history records. A file without a copy, or too large
 * for any mail, is refused with the reason.
 */
public record SendEvidence(String written,
                           @NotNull(message = "evidence-missing")
                           @Pattern(regexp = "all|[1-9][0-9]{0,3}",
                                   message = "evidence-invalid")
                           String which,
                           @Pattern(regexp = "hostile", message = "evidence-hostile-word")
                           String hostile) implements MonitorCommand {

    public static final String PURPOSE = "MONITOR_EVIDENCE";

    /** A request without the word {@code hostile}. */
    public SendEvidence(String written, String which) {
        this(written, which, null);
    }

    static SendEvidence parse(String written, String argument) {
        String[] words = argument.isEmpty() ? new String[0] : argument.split("\\s+");
        return new SendEvidence(written, MonitorCommands.firstWord(argument),
                words.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length))
                        .toLowerCase(java.util.Locale.ROOT) : null);
    }

    private boolean hostileAsked() {
        return hostile != null;
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        List<AttachScrubbedEvidence.Numbered> files = scope.parts().evidence().ofTicket(scope.handle(), scope.ticket().id());
        if (which.equals("all")) {
            if (hostileAsked()) {
                problems.add(CommandProblem.of("evidence-hostile-all", written));
            } else if (scope.parts().evidence().mails(files).isEmpty()) {
                problems.add(CommandProblem.of("evidence-nothing-mailable", written));
            }
        } else if (Integer.parseInt(which) > files.size()) {
            problems.add(CommandProblem.of("evidence-no-such-file", written, files.size()));
        } else {
            scope.parts().evidence().withheld(files.get(Integer.parseInt(which) - 1).file(), hostileAsked())
                    .ifPresent(reason -> problems.add(reason.problem(written, which)));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        AttachScrubbedEvidence evidence = scope.parts().evidence();
        List<AttachScrubbedEvidence.Numbered> files = evidence.ofTicket(scope.handle(), scope.ticket().id());
        List<List<AttachScrubbedEvidence.Numbered>> mails = evidence.mails(which.equals("all") ? files
                : List.of(files.get(Integer.parseInt(which) - 1)), hostileAsked());
        String reference = scope.ticket().reference().value();
        String from = scope.parts().mailboxAddress().apply("monitors");
        Language language = scope.parts().roster().find(scope.actor()).map(Monitor::language).orElse(Language.ENGLISH);
        for (int i = 0; i < mails.size(); i++) {
            Map<String, Object> model = new HashMap<>();
            model.put("organisation", scope.parts().organisation());
            model.put("reference", reference);
            model.put("request", written);
            model.put("mail", i + 1);
            model.put("mails", mails.size());
            model.put("files", mails.get(i).stream().map(file -> Map.of("number", file.number(),
                    "name", file.file().publishedName(), "sha256", file.file().scrubbedSha256(),
                    "flags", file.file().hostileFlags())).toList());
            RenderedMail content = scope.parts().templates().render(MonitorTemplates.MONITOR_EVIDENCE, language, model);
            long outboxId = scope.parts().outbox().enqueue(scope.handle(), new OutboxDao.NewMail(scope.ticket().id(),
                    PURPOSE, null, scope.actor(), from, scope.parts().messageIds().next(), content, language.code()),
                    scope.now());
            evidence.attach(scope.handle(), outboxId, mails.get(i));
        }
        String flags = which.equals("all") ? "" : files.get(Integer.parseInt(which) - 1).file().hostileFlags();
        scope.record(TicketEventKind.EVIDENCE_SENT, which + (hostileAsked() && !flags.isEmpty()
                ? " (flagged " + flags + ", sent as asked by hostile)" : "") + " in " + mails.size() + " mails");
        return status;
    }
}
