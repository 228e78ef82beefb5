package org.shahid.monitors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.shahid.findings.Platform;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #escalate meta}: sends the ticket's post URLs and the scrubbed copies of its evidence (attached within
 * {@code shahid.monitors.evidence-mail-bytes}, the rest listed by SHA-256) to the platform's
 * trusted-partner address ({@code monitoring/platforms.yaml}) through the outbox, under a reference of its own
 * ({@code [ESC-…]}) and never with the reporter's identity, pseudonym or ticket reference. The time is kept for
 * the platform's response time.
 */
public record Escalate(String written,
                       @NotNull(message = "needs a platform id from monitoring/platforms.yaml")
                       @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "platform ids are lower-case words joined by '-'")
                       String platform) implements MonitorCommand {

    public static final String PURPOSE = "PLATFORM_ESCALATION";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Escalate parse(String written, String argument) {
        return new Escalate(written, MonitorCommands.firstWord(argument));
    }

    @Override
    public TicketStatus check(CommandScope scope, TicketStatus status, List<String> problems) {
        Optional<Platform> found = scope.parts().monitoring().platforms().find(platform);
        if (found.isEmpty()) {
            problems.add(written + ": unknown platform; known: " + String.join(", ", scope.parts().monitoring()
                    .platforms().platforms().stream().map(Platform::id).toList()));
        } else if (postUrls(scope).isEmpty()) {
            problems.add(written + ": the ticket names no post URL to escalate");
        }
        return status;
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        Platform target = scope.parts().monitoring().platforms().find(platform).orElseThrow();
        String reference = "ESC-" + HexFormat.of().withUpperCase().formatHex(bytes());
        AttachScrubbedEvidence evidence = scope.parts().evidence();
        AttachScrubbedEvidence.Plan copies = evidence.plan(evidence.ofTicket(scope.handle(), scope.ticket().id()));
        StringBuilder text = new StringBuilder("To the trusted-partner team of ").append(target.name()).append(":\n\n")
                .append("The election monitoring body reports the following posts as harmful content under the\n")
                .append("election code of conduct, and asks you to act on them quickly.\n\nPosts:\n");
        postUrls(scope).forEach(url -> text.append("- ").append(url).append('\n'));
        if (!copies.attached().isEmpty()) {
            text.append("\nAttached: scrubbed copies of the evidence (SHA-256):\n");
            copies.attached().forEach(file -> text.append("- ").append(file.file().publishedName()).append(' ')
                    .append(file.file().scrubbedSha256()).append('\n'));
        }
        List<AttachScrubbedEvidence.Numbered> further = new java.util.ArrayList<>(copies.onRequest());
        further.addAll(copies.tooLarge());
        if (!further.isEmpty()) {
            text.append("\nFurther scrubbed copies, available on request (SHA-256):\n");
            further.forEach(file -> text.append("- ").append(file.file().scrubbedSha256()).append('\n'));
        }
        text.append("\nPlease answer this mail keeping [").append(reference).append("] in the subject, saying whether the")
                .append(" content was removed, labelled, or left up and why.\n");
        String from = scope.parts().mailboxAddress().apply("monitors");
        RenderedMail content = new RenderedMail("[" + reference + "] Trusted-partner report: posts on " + target.name(),
                text.toString(), "");
        long outboxId = scope.parts().outbox().enqueue(scope.handle(), new OutboxDao.NewMail(scope.ticket().id(),
                PURPOSE, null, target.trustedPartnerAddress(), from, scope.parts().messageIds().next(), content, "en"),
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
