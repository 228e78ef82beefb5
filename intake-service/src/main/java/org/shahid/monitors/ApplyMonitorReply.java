package org.shahid.monitors;

import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailMessage;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.shahid.authentication.ReplyAddress;
import org.shahid.authentication.SenderAuthentication;
import org.shahid.intake.IntakeAttemptDao;
import org.shahid.intake.IntakeHeaders;
import org.shahid.intake.LoopGuard;
import org.shahid.intake.MailKey;
import org.shahid.language.Language;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.ParsedMail;
import org.shahid.parsing.UnparseableMailException;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.outbound.RenderedMail;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step the {@code monitors} route calls for each mail at the monitors mailbox. A reply is applied only when
 * its From (one strictly parsed mailbox) is on the roster, it is authenticated by our own mail server
 * ({@link SenderAuthentication}, {@code shahid.mail.authserv-id}; only {@code shahid.monitors.allow-unauthenticated}
 * waives this), and the key it carries (plus-address, else subject token) was issued to that monitor for its ticket
 * within {@code shahid.monitors.reply-key-ttl}. Otherwise nothing changes, the refusal is audited and the roster
 * sender gets at most one short refusal an hour; an expired key gets a refusal that carries a fresh key. Exactly once
 * like intake: the mail's key is claimed in
 * {@code processed_mail} in the transaction that applies it; failures count attempts and, after
 * {@code shahid.intake.max-attempts}, the mail is audited and moved to the quarantine folder. Thread-safe.
 */
public final class ApplyMonitorReply implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyMonitorReply.class);
    public static final String MAILBOX = "monitors";
    public static final String REFUSAL = "MONITOR_REFUSAL";
    public static final String COMMAND_PROBLEMS = "MONITOR_COMMAND_PROBLEMS";
    public static final String KEY_EXPIRED = "MONITOR_KEY_EXPIRED";
    private static final String EXPIRED_REFUSAL = "reply key expired";

    /** What became of one mail. */
    public enum Outcome { APPLIED, REFUSED, INVALID, DUPLICATE, QUARANTINED }

    /** Everything replies need, wired once at start. */
    public record Parts(Jdbi jdbi, MailParser parser, LoopGuard loopGuard, Roster roster, ReplyMac replyMac,
                        SenderAuthentication authentication, boolean allowUnauthenticated, Duration replyKeyTtl,
                        Pseudonymizer pseudonymizer, TicketDao tickets, ApplyCommands commands,
                        ReplyAuditDao audit, MonitorTemplates templates, OutboxDao outbox, MessageIds messageIds,
                        IntakeAttemptDao attempts, int maxAttempts, String quarantineFolder, long maxBytes,
                        String monitorsAddress, String organisation, Clock clock) {
    }

    private final Parts parts;

    public ApplyMonitorReply(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // A reply's own headers must not steer where the consumer moves it (README, "Steering headers").
        IntakeHeaders.COMMIT_OVERRIDES.forEach(exchange.getIn()::removeHeader);
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        byte[] raw;
        if (message.getSize() > parts.maxBytes()) {
            raw = null;
        } else {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            message.writeTo(buffer);
            raw = buffer.toByteArray();
        }
        if (raw == null || raw.length > parts.maxBytes()) {
            LOG.warn("A mail at the monitors mailbox is larger than {} bytes; moved aside", parts.maxBytes());
            exchange.getIn().setHeader(IntakeHeaders.CAMEL_MAIL_MOVE_TO, parts.quarantineFolder());
            return;
        }
        if (handle(raw) == Outcome.QUARANTINED) {
            exchange.getIn().setHeader(IntakeHeaders.CAMEL_MAIL_MOVE_TO, parts.quarantineFolder());
        }
    }

    /** Decides about one raw mail; throws to leave it on the server for the next poll. */
    public Outcome handle(byte[] raw) {
        MailKey key = MailKey.of(raw);
        try {
            ParsedMail mail = parts.parser().parse(raw);
            Outcome outcome = parts.jdbi().inTransaction(handle -> decide(handle, key, mail, parts.clock().instant()));
            LOG.info("Monitor mail {}: {}", key.shortForm(), outcome);
            return outcome;
        } catch (UnparseableMailException | RuntimeException e) {
            int attempt = parts.attempts().recordFailure(key, MAILBOX, e.getClass().getSimpleName(),
                    parts.clock().instant());
            if (attempt < parts.maxAttempts()) {
                throw new IllegalStateException("monitor mail " + key.shortForm() + " failed (attempt " + attempt
                        + "): " + e.getClass().getSimpleName());
            }
            parts.jdbi().useTransaction(handle -> {
                if (parts.audit().claim(handle, key.value(), MAILBOX, parts.clock().instant())) {
                    parts.audit().record(handle, key.value(), "unknown", null, ReplyAuditDao.Outcome.REFUSED,
                            "processing failed " + attempt + " times: " + e.getClass().getSimpleName(), false,
                            parts.clock().instant());
                }
            });
            return Outcome.QUARANTINED;
        }
    }

    private Outcome decide(Handle handle, MailKey key, ParsedMail mail, Instant now) {
        if (!parts.audit().claim(handle, key.value(), MAILBOX, now)) {
            return Outcome.DUPLICATE;
        }
        List<String> froms = mail.headers().all("From");
        String fromAddress = froms.size() == 1 ? ReplyAddress.strictlyFrom(froms.get(0)).orElse("") : "";
        Optional<Long> answered = fromAddress.isEmpty() ? Optional.empty()
                : parts.commands().recordPlatformAnswer(handle, fromAddress, mail.subject(), mail.text(), now);
        if (answered.isPresent()) {
            parts.audit().record(handle, key.value(), "platform", answered.get(), ReplyAuditDao.Outcome.APPLIED,
                    "platform's answer to an escalation", false, now);
            return Outcome.APPLIED;
        }
        Optional<Monitor> monitor = fromAddress.isEmpty() ? Optional.empty() : parts.roster().find(fromAddress);
        String sender = monitor.map(Monitor::address).orElseGet(() ->
                "unlisted:" + parts.pseudonymizer().keyedHash("monitor-sender", fromAddress).substring(0, 16));
        Optional<ReplyMac.Claim> claim = parts.replyMac().claimOf(mail.headers(), mail.subject());
        Optional<Ticket> ticket = claim.filter(valid -> monitor.isPresent()
                        && parts.replyMac().isValid(valid, monitor.get().address()))
                .flatMap(valid -> parts.tickets().findByReference(handle, valid.reference()));
        Optional<String> refusal = refusalOf(mail, monitor, claim, ticket, fromAddress);
        if (refusal.isPresent()) {
            boolean expired = refusal.get().equals(EXPIRED_REFUSAL);
            boolean answer = monitor.isPresent() && !refusal.get().startsWith("automatic")
                    && (expired || !parts.audit().refusalSentSince(handle, sender, now.minus(Duration.ofHours(1))));
            if (answer && expired) {
                offerFreshKey(handle, ticket.orElseThrow(), monitor.get(), now);
            } else if (answer) {
                RenderedMail content = parts.templates().render(MonitorTemplates.REPLY_REFUSED,
                        monitor.get().language(), baseModel());
                parts.outbox().enqueue(handle, new OutboxDao.NewMail(null, REFUSAL, null, monitor.get().address(),
                        parts.monitorsAddress(), parts.messageIds().next(), content,
                        monitor.get().language().code()), now);
            }
            parts.audit().record(handle, key.value(), sender, ticket.map(Ticket::id).orElse(null),
                    ReplyAuditDao.Outcome.REFUSED, refusal.get(), answer, now);
            return Outcome.REFUSED;
        }
        Ticket target = ticket.orElseThrow();
        ParsedReply reply = ParsedReply.of(ReplyText.newText(mail.text()));
        List<CommandProblem> problems = parts.commands().problemsWith(handle, target, reply);
        if (!problems.isEmpty()) {
            Map<String, Object> model = baseModel();
            model.put("reference", target.reference().value());
            model.put("macToken", parts.replyMac().subjectToken(target.reference(), monitor.get().address()));
            model.put("problems", parts.templates().word(problems, monitor.get().language()));
            RenderedMail content = parts.templates().render(MonitorTemplates.COMMAND_PROBLEMS,
                    monitor.get().language(), model);
            parts.outbox().enqueue(handle, new OutboxDao.NewMail(target.id(), COMMAND_PROBLEMS, null,
                    monitor.get().address(), parts.monitorsAddress(), parts.messageIds().next(), content,
                    monitor.get().language().code(),
                    parts.replyMac().replyAddress(target.reference(), monitor.get().address())), now);
            parts.audit().record(handle, key.value(), sender, target.id(), ReplyAuditDao.Outcome.INVALID,
                    String.join("\n", parts.templates().word(problems, Language.ENGLISH)), false, now);
            return Outcome.INVALID;
        }
        parts.commands().apply(handle, target, monitor.get(), reply, now);
        parts.audit().record(handle, key.value(), sender, target.id(), ReplyAuditDao.Outcome.APPLIED, null, false, now);
        return Outcome.APPLIED;
    }

    private Optional<String> refusalOf(ParsedMail mail, Optional<Monitor> monitor, Optional<ReplyMac.Claim> claim,
                                       Optional<Ticket> ticket, String fromAddress) {
        Optional<String> automated = parts.loopGuard().reasonNotToAnswer(mail);
        if (automated.isPresent()) {
            return Optional.of("automatic mail: " + automated.get());
        }
        if (monitor.isEmpty()) {
            return Optional.of("sender is not on the roster");
        }
        Optional<String> unauthenticated = authenticationFailure(mail, fromAddress);
        if (unauthenticated.isPresent()) {
            return unauthenticated;
        }
        if (claim.isEmpty()) {
            return Optional.of("no ticket reference with a MAC (Reply-To address or [key:…] in the subject)");
        }
        if (!parts.replyMac().isValid(claim.get(), monitor.get().address())) {
            return Optional.of("MAC does not match ticket " + claim.get().reference() + " for this monitor");
        }
        if (ticket.isEmpty()) {
            return Optional.of("no ticket " + claim.get().reference());
        }
        if (parts.replyMac().isExpired(claim.get())) {
            return Optional.of(EXPIRED_REFUSAL);
        }
        return Optional.empty();
    }

    /** Empty when the reply counts as the monitor's own: authenticated, or the operator waived authentication. */
    private Optional<String> authenticationFailure(ParsedMail mail, String fromAddress) {
        if (parts.authentication().isConfigured()) {
            return parts.authentication().authenticates(mail.headers().all("Authentication-Results"), fromAddress)
                    ? Optional.empty()
                    : Optional.of("not authenticated: the topmost Authentication-Results of our server shows neither"
                            + " dmarc=pass nor an aligned dkim=pass for the From domain");
        }
        return parts.allowUnauthenticated() ? Optional.empty()
                : Optional.of("not authenticated: shahid.mail.authserv-id is not set and"
                        + " shahid.monitors.allow-unauthenticated is false");
    }

    /** A short refusal to a genuine reply with an expired key, carrying a fresh key so the monitor can reply again. */
    private void offerFreshKey(Handle handle, Ticket ticket, Monitor monitor, Instant now) {
        Map<String, Object> model = baseModel();
        model.put("reference", ticket.reference().value());
        model.put("macToken", parts.replyMac().subjectToken(ticket.reference(), monitor.address()));
        model.put("keyTtlDays", parts.replyKeyTtl().toDays());
        RenderedMail content = parts.templates().render(MonitorTemplates.REPLY_KEY_EXPIRED, model);
        parts.outbox().enqueue(handle, new OutboxDao.NewMail(ticket.id(), KEY_EXPIRED, null, monitor.address(),
                parts.monitorsAddress(), parts.messageIds().next(), content, "en",
                parts.replyMac().replyAddress(ticket.reference(), monitor.address())), now);
    }

    private Map<String, Object> baseModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", parts.organisation());
        return model;
    }
}
