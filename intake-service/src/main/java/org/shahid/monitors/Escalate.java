package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shahid.findings.Platform;
import org.shahid.language.Language;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #escalate meta}: sends the ticket's post URLs and the scrubbed copies of its evidence (attached within
 * {@code shahid.monitors.evidence-mail-bytes}, the rest listed by SHA-256) to the platform's
 * trusted-partner address ({@code monitoring/platforms.yaml}) through the outbox, under a reference of its own
 * ({@code [ESC-…]}) and never with the reporter's identity, pseudonym or ticket reference, worded by the
 * {@code platform-escalation} templates in the platform's language. The time is kept for the platform's response
 * time.
 */
public record Escalate(String written,
                       @NotNull(message = "escalate-missing")
                       @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "escalate-invalid")
                       String platform) implements MonitorCommand {

    public static final String PURPOSE = "PLATFORM_ESCALATION";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Escalate parse(String written, String argument) {
        return new Escalate(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<CommandProblem> problems) {
        Optional<Platform> found = scope.parts().monitoring().platforms().find(platform);
        if (found.isEmpty()) {
            problems.add(CommandProblem.of("escalate-unknown-platform", written, String.join(", ", scope.parts()
                    .monitoring().platforms().platforms().stream().map(Platform::id).toList())));
        } else if (postUrls(scope).isEmpty()) {
            problems.add(CommandProblem.of("escalate-no-post", written));
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        Platform target = scope.parts().monitoring().platforms().find(platform).orElseThrow();
        String reference = "ESC-" + HexFormat.of().withUpperCase().formatHex(bytes());
        AttachScrubbedEvidence evidence = scope.parts().evidence();
        AttachScrubbedEvidence.Plan copies = evidence.plan(evidence.ofTicket(scope.handle(), scope.ticket().id()));
        List<AttachScrubbedEvidence.Numbered> further = new java.util.ArrayList<>(copies.onRequest());
        further.addAll(copies.tooLarge());
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", scope.parts().organisation());
        model.put("platformName", target.name());
        model.put("escalationReference", reference);
        model.put("posts", postUrls(scope));
        model.put("attached", copies.attached().stream().map(file -> Map.of("name", file.file().publishedName(),
                "sha256", file.file().scrubbedSha256())).toList());
        model.put("further", further.stream().map(file -> file.file().scrubbedSha256()).toList());
        Language language = target.writtenIn();
        String from = scope.parts().mailboxAddress().apply("monitors");
        RenderedMail content = scope.parts().templates().render(MonitorTemplates.PLATFORM_ESCALATION, language, model);
        long outboxId = scope.parts().outbox().enqueue(scope.handle(), new OutboxDao.NewMail(scope.ticket().id(),
                PURPOSE, null, target.trustedPartnerAddress(), from, scope.parts().messageIds().next(), content,
                language.code()),
                scope.now());
        evidence.attach(scope.handle(), outboxId, copies.attached());
        scope.parts().findings().set(scope.handle(), scope.ticket().id(), scope.now(), "platform_id", platform,
                "escalation_reference", reference, "escalated_at", scope.now(), "platform_action", null,
                "platform_action_at", null);
        scope.record(TicketEventKind.ESCALATED, platform + " " + reference);
        return status;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static List<String> postUrls(CommandScope scope) {
        return scope.handle().createQuery("SELECT value FROM evidence_key WHERE ticket_id = :id AND kind = 'URL'"
                + " ORDER BY id").bind("id", scope.ticket().id()).mapTo(String.class).list();
    }
}
