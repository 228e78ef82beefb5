package org.shahid.parsing;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One walk over the MIME tree of one mail: collects body texts, forwarded messages and attachments under the
 * {@link MailLimits}, and records every defect as a problem instead of failing. Holds the state of a single parse,
 * so it is not thread-safe; {@link MailParser} makes one per mail.
 */
final class MimeTreeWalk {

    /** Body text is capped like an attachment, but never below this, so small attachment limits keep the text. */
    static final long MIN_BODY_TEXT_BYTES = 1024 * 1024;

    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final int META_SNIFF_BYTES = 8192;

    private final MailLimits limits;
    private final Session session;
    private final Set<String> problems = new LinkedHashSet<>();
    private final List<ParsedAttachment> attachments = new ArrayList<>();

    MimeTreeWalk(MailLimits limits, Session session) {
        this.limits = limits;
        this.session = session;
    }

    BodyTexts walkMessage(MimeMessage message) {
        BodyTexts bodies = new BodyTexts();
        walk(message, 0, "text/plain", bodies);
        return bodies;
    }

    void addProblem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<ParsedAttachment> attachments() {
        return List.copyOf(attachments);
    }

    /** Depth counts the multiparts and messages around a part; the top-level message is at depth 0. */
    private void walk(MimePart unrepairedPart, int depth, String defaultType, BodyTexts into) {
        try {
            MimePart part = PartHeaderRepair.withBodyLinesOutOfItsHeader(unrepairedPart, problems::add);
            String contentType = PartFields.header(part, "Content-Type");
            String type = contentType == null ? defaultType : PartFields.baseType(contentType, problems::add);
            if (type.startsWith("multipart/")) {
                walkMultipart(part, contentType, type, depth, into);
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                walkForwarded(part, depth, into);
            } else if (isBodyText(part, type)) {
                readBodyText(part, contentType, type, into);
            } else {
                addAttachment(part, type);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("a part could not be read (" + e.getClass().getSimpleName() + "), skipped");
        }
    }

    private void walkMultipart(MimePart part, String contentType, String type, int depth, BodyTexts into)
            throws MessagingException {
        if (depth + 1 > limits.maxNestingDepth()) {
            problems.add("multipart nested deeper than " + limits.maxNestingDepth() + " levels, its parts skipped");
            return;
        }
        // A Content-Type cut short ("multipart/report; bo") still lets Jakarta find the boundary from the body.
        Optional<MimeMultipart> multipart = readMultipart(part, contentType)
                .or(() -> type.equals(contentType) ? Optional.empty() : readMultipart(part, type));
        if (multipart.isEmpty()) {
            problems.add("missing multipart boundary, body kept as text");
            readBodyText(part, contentType, "text/plain", into);
            return;
        }
        if (type.equals("multipart/alternative")) {
            walkAlternatives(multipart.get(), depth + 1, into);
            return;
        }
        String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
        for (int i = 0; i < multipart.get().getCount(); i++) {
            walk((MimePart) multipart.get().getBodyPart(i), depth + 1, childDefault, into);
        }
    }

    /** Parses eagerly so that a missing boundary shows here, not later in the middle of the walk. */
    private Optional<MimeMultipart> readMultipart(MimePart part, String contentType) {
        try {
            MimeMultipart multipart = new MimeMultipart(new RawPartDataSource(part, contentType));
            return multipart.getCount() > 0 ? Optional.of(multipart) : Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Plain text wins for reading; the last (richest) HTML alternative is kept for display. */
    private void walkAlternatives(MimeMultipart multipart, int depth, BodyTexts into) throws MessagingException {
        List<BodyTexts> alternatives = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyTexts alternative = new BodyTexts();
            walk((MimePart) multipart.getBodyPart(i), depth, "text/plain", alternative);
            alternatives.add(alternative);
        }
        alternatives.stream().filter(a -> !a.plain.isEmpty()).findFirst().ifPresent(a -> into.plain.addAll(a.plain));
        alternatives.stream().filter(a -> !a.html.isEmpty()).reduce((first, last) -> last)
                .ifPresent(a -> into.html.addAll(a.html));
        alternatives.forEach(a -> into.forwarded.addAll(a.forwarded));
    }

    private void walkForwarded(MimePart part, int depth, BodyTexts into) throws MessagingException {
        if (depth + 1 > limits.maxNestingDepth()) {
            problems.add("forwarded message nested deeper than " + limits.maxNestingDepth()
                    + " levels, kept as an attachment");
            addAttachment(part, "message/rfc822");
            return;
        }
        MimeMessage forwarded = new MimeMessage(session, decodedContent(part));
        BodyTexts inner = new BodyTexts();
        walk(forwarded, depth + 1, "text/plain", inner);
        into.forwarded.add(BodyTexts.forwardedSection(MailHeaders.of(forwarded), inner.readableText()));
    }

    private boolean isBodyText(MimePart part, String type) throws MessagingException {
        if (!type.equals("text/plain") && !type.equals("text/html")) {
            return false;
        }
        String disposition = PartFields.header(part, "Content-Disposition");
        return !PartFields.dispositionType(disposition).equals(ParsedAttachment.ATTACHMENT)
                && PartFields.declaredFileName(PartFields.header(part, "Content-Type"), disposition) == null;
    }

    private void readBodyText(MimePart part, String contentType, String type, BodyTexts into)
            throws MessagingException {
        long textLimit = Math.max(limits.maxAttachmentBytes(), MIN_BODY_TEXT_BYTES);
        BoundedContent content = BoundedContent.read(decodedContent(part), textLimit);
        if (content.failure() != null) {
            problems.add("body text partly undecodable, kept what could be read");
        } else if (!content.complete()) {
            problems.add("body text longer than " + textLimit + " bytes, truncated");
        }
        String charset = contentType == null ? null : PartFields.contentTypeParameter(contentType, "charset");
        if (charset == null && type.equals("text/html")) {
            charset = metaCharset(content.head());
        }
        String text = CharsetFallback.decode(content.head(), charset, problems::add);
        if (text.isBlank()) {
            return;
        }
        if (type.equals("text/html")) {
            into.html.add(text);
            return;
        }
        EmbeddedUuencode.Extraction extraction = EmbeddedUuencode.extract(BodyTexts.normalizeLines(text));
        for (EmbeddedUuencode.UuFile file : extraction.files()) {
            // Nothing declares a type for these; the name alone would be a guess.
            addAttachment(file.declaredName(), "application/octet-stream", ParsedAttachment.ATTACHMENT, null,
                    new ByteArrayInputStream(file.content()));
        }
        String remaining = BodyTexts.normalizeLines(extraction.text());
        if (!remaining.isBlank()) {
            into.plain.add(remaining);
        }
    }

    /** A meta charset belongs in the head; looking further would only cost time on a huge body. */
    private static String metaCharset(byte[] html) {
        int sniffLength = Math.min(html.length, META_SNIFF_BYTES);
        Matcher meta = META_CHARSET.matcher(new String(html, 0, sniffLength, StandardCharsets.ISO_8859_1));
        return meta.find() ? meta.group(1) : null;
    }

    private void addAttachment(MimePart part, String type) throws MessagingException {
        String disposition = PartFields.header(part, "Content-Disposition");
        String contentId = PartFields.contentId(part);
        boolean inline = PartFields.dispositionType(disposition).equals(ParsedAttachment.INLINE)
                || (disposition == null && contentId != null);
        String declaredName = PartFields.declaredFileName(PartFields.header(part, "Content-Type"), disposition);
        addAttachment(declaredName, type, inline ? ParsedAttachment.INLINE : ParsedAttachment.ATTACHMENT, contentId,
                decodedContent(part));
    }

    private void addAttachment(String declaredName, String type, String disposition, String contentId,
            InputStream decoded) {
        String fileName = AttachmentFileName.of(declaredName, attachments.size() + 1, type);
        if (attachments.size() >= limits.maxAttachments()) {
            problems.add("more than " + limits.maxAttachments() + " attachments, the rest listed without content");
            BoundedContent counted = BoundedContent.count(decoded);
            attachments.add(new ParsedAttachment(fileName, type, disposition, null, counted.size(), false,
                    "beyond the limit of " + limits.maxAttachments() + " attachments", contentId));
            return;
        }
        BoundedContent content = BoundedContent.read(decoded, limits.maxAttachmentBytes());
        String note = content.failure() != null ? content.failure()
                : content.complete() ? null
                : "exceeds the attachment size limit of " + limits.maxAttachmentBytes() + " bytes";
        boolean kept = note == null;
        attachments.add(new ParsedAttachment(fileName, type, disposition, kept ? content.head() : null,
                content.size(), kept, note, contentId));
    }

    private InputStream decodedContent(MimePart part) throws MessagingException {
        return TransferDecoding.decode(rawContent(part), PartFields.header(part, "Content-Transfer-Encoding"),
                problems::add);
    }

    private static InputStream rawContent(MimePart part) throws MessagingException {
        if (part instanceof MimeBodyPart bodyPart) {
            return bodyPart.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        throw new MessagingException("unsupported part class");
    }

    /** Hands Jakarta the part's bytes undecoded: a multipart's transfer encoding is meaningless by RFC 2045. */
    private static final class RawPartDataSource implements DataSource {
        private final MimePart part;
        private final String contentType;

        RawPartDataSource(MimePart part, String contentType) {
            this.part = part;
            this.contentType = contentType;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return rawContent(part);
            } catch (MessagingException e) {
                throw new IOException("part content unavailable", e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "part";
        }
    }
}
