package org.shahid.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.shahid.sealing.RedactionTerms;
import org.shahid.sealing.SealedRedactionTerms;
import org.shahid.tickets.TicketEventDao;
import org.shahid.tickets.TicketEventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Examines the evidence of messages after their tickets were committed: for each queued message, reads each kept
 * attachment's original back from the sealed store, has {@link SealEvidence} detect, scrub and extract it, and then
 * in ONE transaction records the results, links the ticket by what was found and tells the monitors
 * ({@link WhenExamined}). Extracted text, OCR and member names are redacted with the message's sealed
 * {@link RedactionTerms} (the reporter's names, addresses, phones), which are deleted with the results. A message
 * whose examination keeps failing (its sealed original unreadable, say) is
 * recorded after {@code maxAttempts} with the flag {@code examination-failed}, so monitors still hear of it.
 * Called by the {@code evidence} route. Thread-safe; each message is examined by one caller at a time.
 */
public final class ExamineEvidence {

    private static final Logger LOG = LoggerFactory.getLogger(ExamineEvidence.class);

    /** Called in the transaction that records a message's examined evidence: notify the monitors. */
    @FunctionalInterface
    public interface WhenExamined {
        void examined(Handle handle, ExaminationDao.Claim message, Instant now);
    }

    /**
     * How the examiner paces itself: attempts per message, the claim's lease, one run's time slice, and how long it
     * waits before each message for the mailboxes to go quiet ({@code yieldToIntake}; zero: never waits), and the
     * time one message's attachments may take together ({@code messageBudget}): twenty hostile files that each run
     * into the extraction timeout would otherwise hold every other message for twenty timeouts.
     */
    public record Pacing(int maxAttempts, Duration lease, Duration slice, Duration yieldToIntake,
                         Duration messageBudget) {
    }

    /** The flag of a document whose scrubbed copy was withheld because its text names the reporter. */
    public static final String NAMES_REPORTER = "names-reporter";

    /** Intake counts as quiet once no mail has been in it for this long. */

    private final Jdbi jdbi;
    private final ExaminationDao queue;
    private final AttachmentDao attachments;
    private final SealEvidence sealEvidence;
    private final LinkEvidence linkEvidence;
    private final TicketEventDao events;
    private final WhenExamined whenExamined;
    private final Pacing pacing;
    private final Clock clock;
    private final YieldToIntake intake;
    private final SealedRedactionTerms redactionTerms;

    public ExamineEvidence(Jdbi jdbi, ExaminationDao queue, AttachmentDao attachments, SealEvidence sealEvidence,
                           LinkEvidence linkEvidence, TicketEventDao events, WhenExamined whenExamined,
                           Pacing pacing, Clock clock, YieldToIntake intake, SealedRedactionTerms redactionTerms) {
        this.redactionTerms = redactionTerms;
        this.jdbi = jdbi;
        this.queue = queue;
        this.attachments = attachments;
        this.sealEvidence = sealEvidence;
        this.linkEvidence = linkEvidence;
        this.events = events;
        this.whenExamined = whenExamined;
        this.pacing = pacing;
        this.clock = clock;
        this.intake = intake;
    }

    /** Examines queued messages, oldest first, until none is left or the time slice is used; returns how many. */
    public int examineDue() {
        long deadline = System.nanoTime() + pacing.slice().toNanos();
        int examined = 0;
        while (System.nanoTime() < deadline) {
            // Mail first: reporters' tickets and acknowledgements should not wait for Tika and Tesseract.
            intake.awaitQuiet(pacing.yieldToIntake());
            Optional<ExaminationDao.Claim> claim = jdbi.inTransaction(
                    handle -> queue.claimNext(handle, clock.instant(), pacing.lease()));
            if (claim.isEmpty()) {
                break;
            }
            if (examine(claim.get())) {
                examined++;
            }
        }
        return examined;
    }

    private record Examined(long attachmentId, EvidenceFile file) {
    }

    /** True when the message's examination was recorded; false when it stays queued for a later attempt. */
    private boolean examine(ExaminationDao.Claim claim) {
        List<AttachmentDao.Pending> pending = jdbi.withHandle(handle -> attachments.pendingOf(handle,
                claim.messageId()));
        List<Examined> results = new ArrayList<>(pending.size());
        long budgetEnds = System.nanoTime() + pacing.messageBudget().toNanos();
        try {
            for (AttachmentDao.Pending attachment : pending) {
                if (!results.isEmpty() && System.nanoTime() >= budgetEnds) {
                    results.add(new Examined(attachment.id(), notExamined(attachment.received(),
                            "examination-budget", "not examined: the mail's examination budget of "
                                    + pacing.messageBudget().toSeconds() + " s was used up")));
                    continue;
                }
                results.add(new Examined(attachment.id(), sealEvidence.examine(attachment.received())));
            }
        } catch (RuntimeException e) {
            // SealingException and friends carry no file content; the class name is enough for the log.
            String reason = e.getClass().getSimpleName();
            if (claim.attempts() < pacing.maxAttempts()) {
                LOG.warn("Evidence of message {} not examined (attempt {} of {}): {}; retried after {}",
                        claim.messageId(), claim.attempts(), pacing.maxAttempts(), reason, pacing.lease());
                return false;
            }
            LOG.warn("Evidence of message {} could not be examined after {} attempts: {}; recorded as failed",
                    claim.messageId(), claim.attempts(), reason);
            results.clear();
            for (AttachmentDao.Pending attachment : pending) {
                results.add(new Examined(attachment.id(), notExamined(attachment.received(), "examination-failed",
                        "examination failed: " + reason)));
            }
        }
        RedactionTerms terms = jdbi.withHandle(handle -> redactionTerms.of(handle, claim.messageId()));
        results.replaceAll(result -> new Examined(result.attachmentId(), redacted(withoutCopyNamingTheReporter(
                result.file(), terms), terms)));
        // Linking reads what other messages recorded: one examiner at a time across nodes, or two messages
        // sharing a URL, examined at once, would each miss the other. A row lock, not GET_LOCK: Galera has none.
        // Taken before the transaction's first plain read, so that read sees what the previous holder committed.
        return jdbi.inTransaction(transaction -> {
            transaction.createQuery("SELECT name FROM cluster_lock WHERE name = 'evidence-links' FOR UPDATE")
                    .mapTo(String.class).one();
            return record(transaction, claim, results, clock.instant());
        });
    }

    private boolean record(Handle handle, ExaminationDao.Claim claim, List<Examined> results, Instant now) {
        if (!queue.complete(handle, claim, now)) {
            LOG.info("Evidence of message {} was recorded by another examiner", claim.messageId());
            return false;
        }
        redactionTerms.forget(handle, claim.messageId());
        List<String> flags = new ArrayList<>();
        for (Examined result : results) {
            attachments.recordExamination(handle, result.attachmentId(), claim.ticketId(), result.file(), now);
            result.file().flags().stream().filter(flag -> !flags.contains(flag)).forEach(flags::add);
        }
        linkEvidence.link(handle, claim.ticketId(), String.join("\n", claim.bodyUrls()),
                results.stream().map(Examined::file).toList(), now);
        events.append(handle, claim.ticketId(), "system", TicketEventKind.EVIDENCE_EXAMINED, results.size() + " files"
                + (flags.isEmpty() ? "" : ", flags: " + String.join(",", flags)), now);
        whenExamined.examined(handle, claim, now);
        return true;
    }

    /**
     * A document whose text names the reporter keeps no scrubbed copy: monitors get its redacted text and the flag
     * {@code names-reporter}; the original stays sealed for those who may unseal it.
     */
    private EvidenceFile withoutCopyNamingTheReporter(EvidenceFile file, RedactionTerms terms) {
        if (!terms.appearsIn(file.extractedText())) {
            return file;
        }
        if (file.scrubbedSha256() != null) {
            sealEvidence.withdrawCopy(file.scrubbedSha256());
        }
        List<String> flags = new ArrayList<>(file.flags());
        flags.add(NAMES_REPORTER);
        return new EvidenceFile(file.fileName(), file.declaredType(), file.detectedType(), file.size(), file.sha256(),
                file.sealedKey(), file.kept(), file.note(), flags, null, null, file.removedMetadata(),
                file.extractedText(), file.textTruncated(), file.members());
    }

    /** What the examiner found, without the reporter: their names and numbers go from text, OCR and member names. */
    private static EvidenceFile redacted(EvidenceFile file, RedactionTerms terms) {
        List<EmbeddedMember> members = file.members().stream().map(member -> new EmbeddedMember(member.sha256(),
                member.size(), member.type(), terms.replaceInFileName(member.name()), member.sealedKey(),
                member.scrubbedSha256(), member.scrubbedSize(), redacted(member.removedMetadata(), terms),
                member.flags())).toList();
        return new EvidenceFile(terms.replaceInFileName(file.fileName()), file.declaredType(), file.detectedType(),
                file.size(), file.sha256(), file.sealedKey(), file.kept(), file.note(), file.flags(),
                file.scrubbedSha256(), file.scrubbedSize(), redacted(file.removedMetadata(), terms),
                terms.replaceIn(file.extractedText()),
                file.textTruncated(), members);
    }

    /** The original names an archive's or attached mail's copy maps its members' new names to, as member rows show. */
    private static List<String> redacted(List<String> removedMetadata, RedactionTerms terms) {
        return removedMetadata.stream().map(entry -> MemberNames.redacted(entry, terms::replaceInFileName)).toList();
    }

    /** A kept attachment recorded without examination: still sealed and hashed, no copy, no text. */
    private static EvidenceFile notExamined(EvidenceFile received, String flag, String note) {
        return new EvidenceFile(received.fileName(), received.declaredType(), null, received.size(),
                received.sha256(), received.sealedKey(), true, note, List.of(flag), null, null, List.of(), null, false,
                List.of());
    }
}
