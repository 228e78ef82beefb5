package org.shahid.reconciliation;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.shahid.intake.MailKey;

/**
 * Compares a mailbox's quarantine folder with its quarantine records, both ways: every mail in the folder should
 * have a record, every held record its mail in the folder. Keys each mail as intake quarantined it (of its bytes,
 * or of its envelope when too large to fetch), fetching only mails not remembered. Opens the folder read-only.
 * Called by {@link ReconcileMailboxes}. Thread-safe.
 */
final class CompareQuarantine {

    /** Short mail keys are this long: enough to find a record, nothing of the mail. */
    private static final int SHORT_KEY = 12;
    /** Intake keys an unfetched mail by the folder it polled it from; mailbox routes poll INBOX. */
    private static final String POLLED_FOLDER = "INBOX";

    /** What folder and table hold ({@code fetched}: mails keyed by this run), and where they disagree. */
    record Comparison(int folderMails, int fetched, long records, List<String> withoutRecord,
                      List<String> withoutMail) {
    }

    private final Jdbi jdbi;
    private final ReconciledMailDao reconciled;
    private final long maxMessageBytes;

    CompareQuarantine(Jdbi jdbi, ReconciledMailDao reconciled, long maxMessageBytes) {
        this.jdbi = jdbi;
        this.reconciled = reconciled;
        this.maxMessageBytes = maxMessageBytes;
    }

    Comparison compare(String mailbox, Folder folder) throws MessagingException, IOException {
        Set<String> recorded = new HashSet<>();
        Set<String> held = new HashSet<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT mail_key, status FROM quarantine WHERE mailbox = :mailbox")
                .bind("mailbox", mailbox)
                .map((row, context) -> {
                    recorded.add(row.getString("mail_key"));
                    return "HELD".equals(row.getString("status")) && held.add(row.getString("mail_key"));
                }).list());
        Set<String> present = new HashSet<>();
        List<String> withoutRecord = new ArrayList<>();
        int mails = 0;
        int fetched = 0;
        if (folder.exists()) {
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                Map<Long, String> known = reconciled.known(mailbox, folder.getFullName(), validity);
                for (Message message : FolderMails.withAttributes(folder)) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    mails++;
                    long uid = uids.getUID(message);
                    String key = known.get(uid);
                    if (key == null) {
                        fetched++;
                        key = keyOf(mailbox, message).value();
                        reconciled.remember(mailbox, folder.getFullName(), validity, uid, key);
                    }
                    present.add(key);
                    if (!recorded.contains(key)) {
                        withoutRecord.add(key.substring(0, SHORT_KEY));
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        List<String> withoutMail = held.stream().filter(key -> !present.contains(key))
                .map(key -> key.substring(0, SHORT_KEY)).sorted().toList();
        return new Comparison(mails, fetched, held.size(), withoutRecord, withoutMail);
    }

    private MailKey keyOf(String mailbox, Message message) throws MessagingException, IOException {
        if (message.getSize() > maxMessageBytes) {
            return MailKey.ofUnfetched(mailbox, POLLED_FOLDER, message.getSize(), message.getReceivedDate(),
                    message.getHeader("Message-ID"));
        }
        return MailKey.of(FolderMails.raw(message));
    }
}
