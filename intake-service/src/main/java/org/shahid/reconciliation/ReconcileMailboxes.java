package org.shahid.reconciliation;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import io.micrometer.core.instrument.Metrics;
import org.jdbi.v3.core.Jdbi;
import org.shahid.kernel.Settings;
import org.shahid.intake.IngestMail;
import org.shahid.intake.MailKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation: compares what each intake mailbox holds on the mail server with Shahid's processed-mail log, so
 * a mail that became neither a ticket nor a quarantine entry (flagged seen by a person in webmail, say) is found
 * and ingested, exactly once (intake's idempotency key). INBOX mails still unseen are the poller's and are left
 * alone; the quarantine folder is counted against the quarantine records. Each mail is fetched once in its life:
 * accounted-for UIDs are remembered per UIDVALIDITY. Every run is recorded ({@code reconciliation_run}), logged,
 * counted ({@code shahid_reconcile_unprocessed_total}) and, when something was found or a mailbox could not be
 * checked, mailed to {@code shahid.reconcile.report-to}. Called by the {@code reconciliation} route (daily, once
 * across instances) and by the {@code reconcile} verb. Thread-safe; runs of one mailbox should not overlap.
 */
public final class ReconcileMailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileMailboxes.class);
    private static final String INBOX = "INBOX";

    /** Where and how to log in, and what to do with what is found. */
    public record Connection(String protocol, String host, int port, int timeoutMillis, long maxMessageBytes,
                             String quarantineFolder) {

        /** From {@code shahid.imap.*}, {@code shahid.limits.message-bytes} and the quarantine folder's name. */
        public static Connection of(Settings settings) {
            return new Connection(settings.text("shahid.imap.protocol"), settings.text("shahid.imap.host"),
                    settings.integer("shahid.imap.port"), settings.integer("shahid.imap.timeout-ms"),
                    settings.number("shahid.limits.message-bytes"), settings.text("shahid.intake.quarantine-folder"));
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

    /** What one run found in one mailbox. {@code problem} is set when the mailbox could not be checked. */
    public record MailboxResult(String mailbox, long uidValidity, int checked, int unprocessed, int ingested,
                                int quarantineFolderMails, long quarantineRecords, String problem) {
        public boolean wasChecked() {
            return problem == null;
        }
    }

    private final List<MailboxAccount> accounts;
    private final Connection connection;
    private final IngestMail ingestMail;
    private final Jdbi jdbi;
    private final ReportReconciliation report;
    private final Clock clock;

    public ReconcileMailboxes(List<MailboxAccount> accounts, Connection connection, IngestMail ingestMail, Jdbi jdbi,
                              ReportReconciliation report, Clock clock) {
        this.accounts = List.copyOf(accounts);
        this.connection = connection;
        this.ingestMail = ingestMail;
        this.jdbi = jdbi;
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
            long validity = checkInbox(account, store.getFolder(INBOX), tally);
            Folder quarantine = store.getFolder(connection.quarantineFolder());
            int quarantined = quarantine.exists() ? quarantine.getMessageCount() : 0;
            long records = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM quarantine WHERE mailbox = :mailbox")
                    .bind("mailbox", name).mapTo(Long.class).one());
            MailboxResult result = new MailboxResult(name, validity, tally.checked, tally.unprocessed, tally.ingested,
                    quarantined, records, null);
            LOG.info("Reconciliation of {}: {} mails checked, {} neither ticketed nor quarantined, {} ingested;"
                    + " quarantine folder {} mails, {} quarantine records", name, result.checked(),
                    result.unprocessed(), result.ingested(), quarantined, records);
            return result;
        } catch (MessagingException | IOException | RuntimeException e) {
            String problem = problemOf(e);
            LOG.warn("Reconciliation of {} could not check the mailbox: {}", name, problem);
            return new MailboxResult(name, 0, 0, 0, 0, 0, 0, problem);
        }
    }

    private static final class Tally {
        int checked;
        int unprocessed;
        int ingested;
    }

    private long checkInbox(MailboxAccount account, Folder inbox, Tally tally) throws MessagingException, IOException {
        inbox.open(Folder.READ_WRITE);
        try {
            UIDFolder uids = (UIDFolder) inbox;
            long validity = uids.getUIDValidity();
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            inbox.fetch(messages, profile);
            Set<Long> known = knownUids(account.mailbox().name(), validity);
            for (Message message : messages) {
                long uid = uids.getUID(message);
                // unseen mail is the poller's; a deleted one is on its way out
                if (known.contains(uid) || message.isSet(Flags.Flag.DELETED) || !message.isSet(Flags.Flag.SEEN)) {
                    continue;
                }
                tally.checked++;
                if (message.getSize() > connection.maxMessageBytes()) {
                    // quarantined unread by the poller under a key of its envelope; nothing to fetch here
                    remember(account.mailbox().name(), validity, uid);
                    continue;
                }
                byte[] raw = rawOf(message);
                MailKey key = MailKey.of(raw);
                if (!isAccountedFor(key)) {
                    tally.unprocessed++;
                    Metrics.counter("shahid.reconcile.unprocessed", "mailbox", account.mailbox().name()).increment();
                    try {
                        IngestMail.Disposition disposition = ingestMail.handle(account.mailbox(), raw);
                        tally.ingested++;
                        LOG.info("Reconciliation ingested mail {} of {}: {}", key.shortForm(),
                                account.mailbox().name(), disposition);
                    } catch (RuntimeException failed) {
                        // left unremembered: the next run tries it again (intake counts its attempts)
                        LOG.warn("Reconciliation could not ingest mail {} of {}: {}", key.shortForm(),
                                account.mailbox().name(), problemOf(failed));
                        continue;
                    }
                }
                remember(account.mailbox().name(), validity, uid);
            }
            return validity;
        } finally {
            inbox.close(false);
        }
    }

    /** The kind of failure only: a server's message may quote mail content. */
    private static String problemOf(Exception error) {
        return error.getClass().getSimpleName();
    }

    static byte[] rawOf(Message message) throws IOException, MessagingException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(buffer);
        return buffer.toByteArray();
    }

    private boolean isAccountedFor(MailKey key) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM processed_mail WHERE mail_key = :key")
                .bind("key", key.value()).mapTo(Long.class).one() > 0);
    }

    private Set<Long> knownUids(String mailbox, long validity) {
        return new HashSet<>(jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT uid FROM reconciled_mail
                        WHERE mailbox = :mailbox AND folder = :folder AND uid_validity = :validity""")
                .bind("mailbox", mailbox).bind("folder", INBOX).bind("validity", validity)
                .mapTo(Long.class).list()));
    }

    private void remember(String mailbox, long validity, long uid) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT IGNORE INTO reconciled_mail (mailbox, folder, uid_validity, uid)
                        VALUES (:mailbox, :folder, :validity, :uid)""")
                .bind("mailbox", mailbox).bind("folder", INBOX).bind("validity", validity).bind("uid", uid)
                .execute());
    }

    private void record(MailboxResult result, Instant started) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO reconciliation_run (mailbox, started_at, uid_validity, mails_checked, unprocessed,
                                                        ingested, outcome, problem)
                        VALUES (:mailbox, :started, :validity, :checked, :unprocessed, :ingested, :outcome, :problem)""")
                .bind("mailbox", result.mailbox()).bind("started", started)
                .bind("validity", result.wasChecked() ? result.uidValidity() : null)
                .bind("checked", result.checked()).bind("unprocessed", result.unprocessed())
                .bind("ingested", result.ingested()).bind("outcome", result.wasChecked() ? "CHECKED" : "FAILED")
                .bind("problem", result.problem() == null ? null
                        : result.problem().substring(0, Math.min(255, result.problem().length())))
                .execute());
    }

}
