package org.shahid.reconciliation;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import io.micrometer.core.instrument.Metrics;
import org.jdbi.v3.core.Jdbi;
import org.shahid.kernel.Settings;
import org.shahid.intake.IngestMail;
import org.shahid.intake.MailKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation: compares, key by key, what each intake mailbox holds on the mail server with Shahid's records.
 * INBOX and the filed folders ({@code shahid.reconcile.filed-folders}, where a person or a mail-server rule may file
 * mail) against the processed-mail log: a mail that became neither a ticket nor a quarantine entry (flagged seen by
 * a person in webmail, say) is ingested, exactly once (intake's idempotency key); INBOX mails still unseen are the
 * poller's and are left alone. The quarantine folder against the quarantine table, both ways
 * ({@link CompareQuarantine}): a mail there without a record, and a held record whose mail is not there, are reported by
 * mail key (a hash, nothing of the mail). Each mail is fetched once in its life: accounted-for UIDs are remembered
 * per UIDVALIDITY with their keys ({@link ReconciledMailDao}). Every run is recorded ({@code reconciliation_run}),
 * logged, counted ({@code shahid_reconcile_unprocessed_total}, {@code shahid_reconcile_quarantine_mismatched_total})
 * and, when something was found or a mailbox could not be checked, mailed to {@code shahid.reconcile.report-to}.
 * Called by the {@code reconciliation} route (daily, once across instances) and by the {@code reconcile} verb. Reads
 * mailboxes read-only. Thread-safe; runs of one mailbox should not overlap.
 */
public final class ReconcileMailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileMailboxes.class);
    private static final String INBOX = "INBOX";

    /** Where and how to log in, and which folders besides INBOX to compare. */
    public record Connection(String protocol, String host, int port, int timeoutMillis, long maxMessageBytes,
                             String quarantineFolder, List<String> filedFolders) {
        public Connection {
            filedFolders = List.copyOf(filedFolders);
        }

        /** From {@code shahid.imap.*}, {@code shahid.limits.message-bytes}, the quarantine and filed folders. */
        public static Connection of(Settings settings) {
            return new Connection(settings.text("shahid.imap.protocol"), settings.text("shahid.imap.host"),
                    settings.integer("shahid.imap.port"), settings.integer("shahid.imap.timeout-ms"),
                    settings.number("shahid.limits.message-bytes"), settings.text("shahid.intake.quarantine-folder"),
                    settings.list("shahid.reconcile.filed-folders"));
        }

        /** Timeouts on, and whole mails fetched at once (Angus' default fetches 16 KB per round trip). */
        Properties sessionProperties() {
            Properties properties = new Properties();
            String timeout = String.valueOf(timeoutMillis);
            properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
            properties.setProperty("mail." + protocol + ".timeout", timeout);
            properties.setProperty("mail." + protocol + ".partialfetch", "false");
            return properties;
        }
    }

    /**
     * What one run found in one mailbox. {@code problem} is set when the mailbox could not be checked. The two key
     * lists hold short forms of mail keys: a mail in the quarantine folder that has no quarantine record, and a
     * held quarantine record whose mail is not in the folder.
     */
    public record MailboxResult(String mailbox, long uidValidity, int checked, int unprocessed, int ingested,
                                int quarantineFolderMails, long quarantineRecords,
                                List<String> quarantinedWithoutRecord, List<String> recordsWithoutMail,
                                String problem) {
        public MailboxResult {
            quarantinedWithoutRecord = List.copyOf(quarantinedWithoutRecord);
            recordsWithoutMail = List.copyOf(recordsWithoutMail);
        }

        static MailboxResult notChecked(String mailbox, String problem) {
            return new MailboxResult(mailbox, 0, 0, 0, 0, 0, 0, List.of(), List.of(), problem);
        }

        public boolean wasChecked() {
            return problem == null;
        }

        /** Whether the quarantine folder and the quarantine table disagree. */
        public boolean quarantineMismatched() {
            return !quarantinedWithoutRecord.isEmpty() || !recordsWithoutMail.isEmpty();
        }
    }

    private final List<MailboxAccount> accounts;
    private final Connection connection;
    private final IngestMail ingestMail;
    private final Jdbi jdbi;
    private final ReconciledMailDao reconciled;
    private final CompareQuarantine compareQuarantine;
    private final ReportReconciliation report;
    private final Clock clock;

    public ReconcileMailboxes(List<MailboxAccount> accounts, Connection connection, IngestMail ingestMail, Jdbi jdbi,
                              ReportReconciliation report, Clock clock) {
        this.accounts = List.copyOf(accounts);
        this.connection = connection;
        this.ingestMail = ingestMail;
        this.jdbi = jdbi;
        this.reconciled = new ReconciledMailDao(jdbi);
        this.compareQuarantine = new CompareQuarantine(jdbi, reconciled, connection.maxMessageBytes());
        this.report = report;
        this.clock = clock;
    }

    /** Every mailbox (the scheduled run). */
    public List<MailboxResult> reconcileAll() {
        return reconcile(Optional.empty());
    }

    /** One mailbox by name, or every one; an unknown name is an error. */
    public List<MailboxResult> reconcile(Optional<String> onlyMailbox) {
        List<MailboxAccount> chosen = accounts.stream()
                .filter(account -> onlyMailbox.map(account.mailbox().name()::equals).orElse(true)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no mailbox " + onlyMailbox.orElse("") + " in shahid.reconcile.mailboxes "
                    + accounts);
        }
        Instant started = clock.instant();
        List<MailboxResult> results = new ArrayList<>();
        for (MailboxAccount account : chosen) {
            MailboxResult result = reconcileOne(account);
            record(result, started);
            results.add(result);
        }
        report.send(results, started);
        return results;
    }

    private MailboxResult reconcileOne(MailboxAccount account) {
        String name = account.mailbox().name();
        try (Store store = Session.getInstance(connection.sessionProperties()).getStore(connection.protocol())) {
            store.connect(connection.host(), connection.port(), account.username(), account.password());
            Tally tally = new Tally();
            long validity = checkForMissedMail(account, store.getFolder(INBOX), true, tally);
            for (String filed : connection.filedFolders()) {
                Folder folder = store.getFolder(filed);
                if (folder.exists()) {
                    checkForMissedMail(account, folder, false, tally);
                }
            }
            CompareQuarantine.Comparison quarantine = compareQuarantine.compare(name,
                    store.getFolder(connection.quarantineFolder()));
            tally.checked += quarantine.fetched();
            MailboxResult result = new MailboxResult(name, validity, tally.checked, tally.unprocessed, tally.ingested,
                    quarantine.folderMails(), quarantine.records(), quarantine.withoutRecord(),
                    quarantine.withoutMail(), null);
            LOG.info("Reconciliation of {}: {} mails checked, {} neither ticketed nor quarantined, {} ingested;"
                    + " quarantine folder {} mails, {} held records; in the folder without a record: {};"
                    + " held records whose mail is not in the folder: {}", name, result.checked(),
                    result.unprocessed(), result.ingested(), quarantine.folderMails(), quarantine.records(),
                    quarantine.withoutRecord(), quarantine.withoutMail());
            countMismatches(name, result);
            return result;
        } catch (MessagingException | IOException | RuntimeException e) {
            String problem = problemOf(e);
            LOG.warn("Reconciliation of {} could not check the mailbox: {}", name, problem);
            return MailboxResult.notChecked(name, problem);
        }
    }

    private static final class Tally {
        int checked;
        int unprocessed;
        int ingested;
    }

    /**
     * Every mail of the folder that is neither unseen in INBOX (the poller's) nor remembered is fetched, keyed and
     * looked up; one that is not accounted for is ingested. Returns the folder's UIDVALIDITY.
     */
    private long checkForMissedMail(MailboxAccount account, Folder folder, boolean isInbox, Tally tally)
            throws MessagingException, IOException {
        String name = account.mailbox().name();
        folder.open(Folder.READ_ONLY);
        try {
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            Message[] messages = FolderMails.withAttributes(folder);
            Map<Long, String> known = reconciled.known(name, folder.getFullName(), validity);
            for (Message message : messages) {
                long uid = uids.getUID(message);
                // unseen mail in INBOX is the poller's; a deleted one is on its way out
                if (known.containsKey(uid) || message.isSet(Flags.Flag.DELETED)
                        || isInbox && !message.isSet(Flags.Flag.SEEN)) {
                    continue;
                }
                tally.checked++;
                if (message.getSize() > connection.maxMessageBytes()) {
                    // the poller opens such a mail from its text and quarantines it; nothing to fetch here
                    reconciled.remember(name, folder.getFullName(), validity, uid, null);
                    continue;
                }
                byte[] raw = FolderMails.raw(message);
                MailKey key = MailKey.of(raw);
                if (!isAccountedFor(key) && !ingest(account, key, raw, tally)) {
                    continue;
                }
                reconciled.remember(name, folder.getFullName(), validity, uid, key.value());
            }
            return validity;
        } finally {
            folder.close(false);
        }
    }

    /** Ingests a mail nobody took in; false when that failed (the next run tries it again). */
    private boolean ingest(MailboxAccount account, MailKey key, byte[] raw, Tally tally) {
        String name = account.mailbox().name();
        tally.unprocessed++;
        Metrics.counter("shahid.reconcile.unprocessed", "mailbox", name).increment();
        try {
            IngestMail.Disposition disposition = ingestMail.handle(account.mailbox(), raw);
            tally.ingested++;
            LOG.info("Reconciliation ingested mail {} of {}: {}", key.shortForm(), name, disposition);
            return true;
        } catch (RuntimeException failed) {
            // intake counts its attempts, so a mail that keeps failing ends in quarantine
            LOG.warn("Reconciliation could not ingest mail {} of {}: {}", key.shortForm(), name, problemOf(failed));
            return false;
        }
    }

    private static void countMismatches(String mailbox, MailboxResult result) {
        Metrics.counter("shahid.reconcile.quarantine.mismatched", "mailbox", mailbox, "kind", "without-record")
                .increment(result.quarantinedWithoutRecord().size());
        Metrics.counter("shahid.reconcile.quarantine.mismatched", "mailbox", mailbox, "kind", "without-mail")
                .increment(result.recordsWithoutMail().size());
    }

    /** The kind of failure only: a server's message may quote mail content. */
    private static String problemOf(Exception error) {
        return error.getClass().getSimpleName();
    }

    private boolean isAccountedFor(MailKey key) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM processed_mail WHERE mail_key = :key")
                .bind("key", key.value()).mapTo(Long.class).one() > 0);
    }

    private void record(MailboxResult result, Instant started) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO reconciliation_run (mailbox, started_at, uid_validity, mails_checked, unprocessed,
                                                        ingested, quarantined_without_record, records_without_mail,
                                                        outcome, problem)
                        VALUES (:mailbox, :started, :validity, :checked, :unprocessed, :ingested, :withoutRecord,
                                :withoutMail, :outcome, :problem)""")
                .bind("mailbox", result.mailbox()).bind("started", started)
                .bind("validity", result.wasChecked() ? result.uidValidity() : null)
                .bind("checked", result.checked()).bind("unprocessed", result.unprocessed())
                .bind("ingested", result.ingested())
                .bind("withoutRecord", result.quarantinedWithoutRecord().size())
                .bind("withoutMail", result.recordsWithoutMail().size())
                .bind("outcome", result.wasChecked() ? "CHECKED" : "FAILED")
                .bind("problem", result.problem() == null ? null
                        : result.problem().substring(0, Math.min(255, result.problem().length())))
                .execute());
    }

}
