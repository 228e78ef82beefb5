package org.shahid.reconciliation;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** How reconciliation reads a folder: every mail's UID, flags and size in one command, a mail's raw bytes. */
final class FolderMails {

    private FolderMails() {
    }

    static Message[] withAttributes(Folder folder) throws MessagingException {
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        return messages;
    }

    static byte[] raw(Message message) throws IOException, MessagingException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(buffer);
        return buffer.toByteArray();
    }
}
