package org.shahid.outbound;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a queued mail's body for {@link SendOutbox}: its text (and HTML) as multipart/alternative, and when it
 * carries files, that part first in a multipart/mixed with one attachment per file, whose bytes are read from the
 * scrubbed-copy store at send time. Thread-safe.
 */
public final class ComposeMimeContent {

    private final Function<String, Path> copyOfSha256;

    /** {@code copyOfSha256}: where the store keeps the scrubbed copy of a SHA-256 ({@code ScrubbedCopyStore::pathOf}). */
    public ComposeMimeContent(Function<String, Path> copyOfSha256) {
        this.copyOfSha256 = copyOfSha256;
    }

    public MimeMultipart compose(OutboxMail mail, List<OutboxAttachment> attachments) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        if (mail.html() != null && !mail.html().isBlank()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        if (attachments.isEmpty()) {
            return alternative;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (OutboxAttachment attachment : attachments) {
            mixed.addBodyPart(filePart(attachment));
        }
        return mixed;
    }

    private MimeBodyPart filePart(OutboxAttachment attachment) throws MessagingException {
        Path copy = copyOfSha256.apply(attachment.scrubbedSha256());
        if (!Files.isRegularFile(copy)) {
            // Thrown, not skipped: the mail waits and retries rather than arriving without a file it lists.
            throw new MessagingException("scrubbed copy " + attachment.scrubbedSha256().substring(0, 8) + " missing");
        }
        MimeBodyPart part = new MimeBodyPart();
        FileDataSource source = new FileDataSource(copy.toFile()) {
            @Override
            public String getContentType() {
                return attachment.contentType();
            }
        };
        part.setDataHandler(new DataHandler(source));
        part.setFileName(attachment.fileName());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }
}
