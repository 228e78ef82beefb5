package org.shahid.intake;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shahid.evidence.EvidenceFile;
import org.shahid.parsing.AttachmentFileName;

/**
 * Reads a mail too large to fetch whole: its structure (IMAP BODYSTRUCTURE, which Angus loads for the content type;
 * for a pushed mail, the offsets a {@code MimeMessage} over the listener's spool keeps),
 * its header block and its inline text parts only, each by a FETCH of that one section; everything else is listed
 * by name, type and size, not fetched, as is a text part that cannot be decoded. Returns a small MIME mail made of
 * the headers and the text, which intake handles like any other, and the list of parts left on the server. Reads
 * {@code shahid.limits.attachment-bytes} as the largest text part it fetches. Thread-safe (no state).
 */
public final class FetchTextParts {

    /** A text part larger than this is not body text but a file someone named .txt: listed, not fetched. */
    private final long maxTextBytes;

    public FetchTextParts(long maxTextBytes) {
        this.maxTextBytes = maxTextBytes;
    }

    /** The mail made of what was fetched, and the parts that stayed on the server. */
    public record PartialMail(byte[] raw, List<EvidenceFile> notFetched) {
    }

    private static final Set<String> REPLACED_HEADERS = Set.of("content-type", "content-transfer-encoding",
            "mime-version", "content-disposition", "content-length");

    public PartialMail fetch(Message message, String note) throws MessagingException, IOException {
        List<Text> texts = new ArrayList<>();
        List<EvidenceFile> notFetched = new ArrayList<>();
        walk(message, message.getFolder(), texts, notFetched, note, 0);
        int position = 0;
        List<EvidenceFile> named = new ArrayList<>();
        for (EvidenceFile file : notFetched) {
            position++;
            named.add(EvidenceFile.notKept(AttachmentFileName.of(file.fileName(), position, file.declaredType()),
                    file.declaredType(), file.size(), note));
        }
        List<Text> body = bodyOf(texts);
        StringBuilder mail = new StringBuilder();
        for (Enumeration<Header> headers = message.getAllHeaders(); headers.hasMoreElements(); ) {
            Header header = headers.nextElement();
            if (!REPLACED_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
                mail.append(header.getName()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        // The same mail gives the same bytes (a pushed mail's key is taken from them); a base64 body never holds '-'.
        String boundary = "shahid-partial-" + boundaryOf(body);
        mail.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"").append(boundary)
                .append("\"\r\n\r\n");
        for (Text text : body) {
            mail.append("--").append(boundary).append("\r\nContent-Type: ").append(text.subtype())
                    .append("; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(text.content().getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        mail.append("--").append(boundary).append("--\r\n");
        return new PartialMail(mail.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(named));
    }

    private record Text(String subtype, String content) {
    }

    private static String boundaryOf(List<Text> body) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (Text text : body) {
                digest.update(text.content().getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * One body, as the parser expects it: the plain texts joined (a phone's mail may split its text around the
     * attachments), or failing those the HTML parts joined.
     */
    private static List<Text> bodyOf(List<Text> texts) {
        for (String subtype : List.of("text/plain", "text/html")) {
            List<String> contents = texts.stream().filter(text -> text.subtype().equals(subtype)).map(Text::content)
                    .toList();
            if (!contents.isEmpty()) {
                return List.of(new Text(subtype, String.join(subtype.equals("text/html") ? "\n<hr>\n" : "\n\n",
                        contents)));
            }
        }
        return List.of();
    }

    private void walk(Part part, Folder folder, List<Text> texts, List<EvidenceFile> notFetched, String note,
                      int depth) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && depth < 10) {
            // For a multipart, Angus builds the parts from BODYSTRUCTURE: nothing of the body is fetched here.
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), folder, texts, notFetched, note, depth + 1);
            }
            return;
        }
        boolean inlineText = (part.isMimeType("text/plain") || part.isMimeType("text/html"))
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getSize() <= maxTextBytes;
        if (inlineText) {
            String subtype = part.isMimeType("text/html") ? "text/html" : "text/plain";
            try {
                String text = textOf(part);
                if (text != null) {
                    texts.add(new Text(subtype, text));
                    return;
                }
            } catch (IOException | MessagingException unreadable) {
                // With the connection still up, or with no connection at all (a pushed mail, parsed from the
                // listener's spool), the fault is the part's (a transfer encoding nobody knows, broken base64): it
                // is listed like a file and the rest of the mail is still answered. With a lost connection, the
                // whole mail waits for the next poll.
                if (!faultIsThePart(folder, unreadable)) {
                    throw unreadable;
                }
            }
        }
        notFetched.add(EvidenceFile.notKept(nameOf(part), baseType(part), decodedSize(part), note));
    }

    /** The part's text, decoded; null when its content is not text after all. */
    private String textOf(Part part) throws IOException, MessagingException {
        try {
            return part.getContent() instanceof String text ? text : null;
        } catch (java.io.UnsupportedEncodingException unknownCharset) {
            // A charset Java does not know: the bytes as UTF-8 (with replacement characters) beat losing the text.
            try (java.io.InputStream decoded = part.getInputStream()) {
                return new String(decoded.readNBytes((int) Math.min(maxTextBytes, Integer.MAX_VALUE - 8)),
                        StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean faultIsThePart(Folder folder, Exception error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FolderClosedException || cause instanceof StoreClosedException
                    || cause instanceof java.net.SocketException || cause instanceof java.io.InterruptedIOException) {
                return false;
            }
        }
        return folder == null || folder.isOpen() && folder.getStore().isConnected();
    }

    /**
     * The size of the file itself, as the reporter knows it: BODYSTRUCTURE gives the encoded size, which base64
     * (76 characters and a line break for every 57 bytes) inflates by more than a third.
     */
    private static long decodedSize(Part part) throws MessagingException {
        long encoded = Math.max(0, part.getSize());
        String encoding = part instanceof jakarta.mail.internet.MimePart mime ? mime.getEncoding() : null;
        return "base64".equalsIgnoreCase(encoding) ? encoded * 57 / 78 : encoded;
    }

    /** The declared name, decoded; null when there is none (a name is then generated from the type). */
    private static String nameOf(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(Part part) {
        try {
            String type = part.getContentType();
            String base = type == null ? "application/octet-stream" : type.split(";", 2)[0].strip();
            return base.toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }
}
