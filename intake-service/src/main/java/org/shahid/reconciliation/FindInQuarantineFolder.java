package org.shahid.reconciliation;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shahid.intake.MailKey;
import org.shahid.intake.QuarantineDao;
import org.shahid.intake.QuarantinedOriginals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a quarantined mail again in its mailbox's quarantine folder by its mail key (the hash of its header fields
 * and body that the quarantine row keeps), so that releasing it needs neither the custodians nor anything that
 * identifies the reporter. The IMAP move gives the mail a new UID that Camel does not report, so the key, not a UID,
 * is what finds it: mails of the recorded size are compared first, then the rest up to the message limit. Reads the
 * folder only; the mail stays where it is. Thread-safe.
 */
public final class FindInQuarantineFolder implements QuarantinedOriginals {

    private static final Logger LOG = LoggerFactory.getLogger(FindInQuarantineFolder.class);

    private final List<MailboxAccount> accounts;
    private final ReconcileMailboxes.Connection connection;

    public FindInQuarantineFolder(List<MailboxAccount> accounts, ReconcileMailboxes.Connection connection) {
        this.accounts = List.copyOf(accounts);
        this.connection = connection;
    }

    @Override
    public Optional<byte[]> refetch(QuarantineDao.Entry entry) {
        Optional<MailboxAccount> account = accounts.stream()
                .filter(candidate -> candidate.mailbox().name().equals(entry.mailbox().name())).findFirst();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        try (Store store = Session.getInstance(connection.sessionProperties()).getStore(connection.protocol())) {
            store.connect(connection.host(), connection.port(), account.get().username(), account.get().password());
            Folder folder = store.getFolder(connection.quarantineFolder());
            if (!folder.exists()) {
                return Optional.empty();
            }
            folder.open(Folder.READ_ONLY);
            try {
                return find(folder, new MailKey(entry.mailKey()), entry.rawSize());
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            LOG.warn("Quarantine folder of {} could not be searched for entry {}: {}", entry.mailbox().name(),
                    entry.id(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Optional<byte[]> find(Folder folder, MailKey key, long rawSize) throws MessagingException, IOException {
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        folder.fetch(messages, profile);
        List<Message> sameSize = new ArrayList<>();
        List<Message> others = new ArrayList<>();
        for (Message message : messages) {
            if (message.isSet(Flags.Flag.DELETED) || message.getSize() > connection.maxMessageBytes()) {
                continue;
            }
            (message.getSize() == rawSize ? sameSize : others).add(message);
        }
        sameSize.addAll(others);
        for (Message message : sameSize) {
            byte[] raw = ReconcileMailboxes.rawOf(message);
            if (MailKey.of(raw).equals(key)) {
                return Optional.of(raw);
            }
        }
        return Optional.empty();
    }
}
