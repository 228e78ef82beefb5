package org.shahid.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Names each polled mail by its folder's UIDVALIDITY and the mail's UID, and on the way fetches envelope, flags, size,
 * UID and header block of the next {@code window} mails in ONE IMAP command. camel-mail otherwise asks for the
 * flags, the envelope and the headers of every mail separately, three round trips per mail; camel-mail offers no
 * FetchProfile hook, but it asks this generator first, in message order. The mailbox routes name it as
 * {@code mailUidGenerator}. Because it sees every mail of a poll before the route sees the first, it also remembers
 * the poll's mails in order ({@link #pollOf}), so that intake can start on the next ones early. Thread-safe
 * (routes poll concurrently).
 */
public final class PrefetchMailAttributes implements MailUidGenerator {

    private final int window;
    private final Set<Message> prefetched = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    private final Map<Folder, List<Message>> polls = Collections.synchronizedMap(new WeakHashMap<>());

    public PrefetchMailAttributes(int window) {
        this.window = Math.max(1, window);
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        Folder folder = message.getFolder();
        remember(folder, message);
        try {
            if (folder instanceof UIDFolder uidFolder && folder.isOpen()) {
                if (!prefetched.contains(message)) {
                    prefetchFrom(folder, message.getMessageNumber());
                }
                return uidFolder.getUIDValidity() + "-" + uidFolder.getUID(message);
            }
        } catch (MessagingException | RuntimeException e) {
            // Only an optimisation: camel-mail fetches what it needs itself. The key is not used for idempotency
            // (intake keys mails on their content), so any unique-enough name will do.
        }
        return folder == null ? "message-" + message.getMessageNumber()
                : folder.getFullName() + "-" + message.getMessageNumber();
    }

    /** The mails of the folder's latest poll, in the order camel-mail hands them to the route. */
    public List<Message> pollOf(Folder folder) {
        synchronized (polls) {
            List<Message> poll = polls.get(folder);
            return poll == null ? List.of() : List.copyOf(poll);
        }
    }

    /**
     * camel-mail asks for the mails of one poll in ascending message number, at most {@code window} of them; a
     * lower number, or a full list, means a new poll has begun.
     */
    private void remember(Folder folder, Message message) {
        if (folder == null) {
            return;
        }
        synchronized (polls) {
            List<Message> poll = polls.computeIfAbsent(folder, any -> new ArrayList<>());
            if (!poll.isEmpty() && (poll.size() >= window
                    || poll.get(poll.size() - 1).getMessageNumber() >= message.getMessageNumber())) {
                poll.clear();
            }
            poll.add(message);
        }
    }

    private void prefetchFrom(Folder folder, int first) throws MessagingException {
        int last = Math.min(folder.getMessageCount(), first + window - 1);
        if (last < first) {
            return;
        }
        Message[] range = folder.getMessages(first, last);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        // camel-mail copies every header of the mail into the exchange before the route runs
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        folder.fetch(range, profile);
        Collections.addAll(prefetched, range);
    }
}
