package org.shahid.intake;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    private static final Pattern BASE_TYPE =
            Pattern.compile("^\\s*([A-Za-z0-9!#$&^_.+-]+)\\s*/\\s*([A-Za-z0-9!#$&^_.+-]+)");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Pattern FIELD_NAME = Pattern.compile("[^\\s:\\p{Cntrl}]+");
    private static final int META_SNIFF_BYTES = 8192;
    private static final String FORWARDED_MARKER = "---------- Forwarded message ----------";

    /** Body text is capped like an attachment, but never below this, so small attachment limits keep the text. */
    static final long MIN_BODY_TEXT_BYTES = 1024 * 1024;

    private final MailLimits limits;
    private final Session session;
    private final Set<String> problems = new LinkedHashSet<>();
    private final List<ParsedAttachment> attachments = new ArrayList<>();

    MimeTreeWalk(MailLimits limits, Session session) {
        this.limits = limits;
        this.session = session;
    }

    Bodies walkMessage(MimeMessage message) {
        Bodies bodies = new Bodies();
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

    private void walk(MimePart unrepairedPart, int depth, String defaultType, Bodies into) {
        try {
            MimePart part = withBodyLinesOutOfItsHeader(unrepairedPart);
            String contentType = header(part, "Content-Type");
            String type = contentType == null ? defaultType : baseType(contentType);
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

    /**
     * A part whose header block runs straight into its body (no blank line) makes Jakarta read the body lines as
     * header fields. Rebuild such a part with those lines moved back in front of its content.
     */
    private MimePart withBodyLinesOutOfItsHeader(MimePart part) throws MessagingException, IOException {
        if (!(part instanceof MimeBodyPart bodyPart)) {
            return part; // the top-level header block was framed before parsing
        }
        List<String> lines = Collections.list(bodyPart.getAllHeaderLines());
        int firstBodyLine = -1;
        for (int i = 0; i < lines.size() && firstBodyLine < 0; i++) {
            int colon = lines.get(i).indexOf(':');
            boolean field = colon > 0 && FIELD_NAME.matcher(lines.get(i).substring(0, colon).stripTrailing()).matches();
            firstBodyLine = field ? -1 : i;
        }
        // A stray boundary line ("--b") before the fields belongs to an empty part; Jakarta skips it well enough.
        if (firstBodyLine <= 0 || lines.get(firstBodyLine).startsWith("--")) {
            return part;
        }
        problems.add("part header block not ended by a blank line, the rest kept as content");
        InternetHeaders fields = new InternetHeaders();
        lines.subList(0, firstBodyLine).forEach(fields::addHeaderLine);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String line : lines.subList(firstBodyLine, lines.size())) {
            // Header lines hold one character per raw byte (ISO-8859-1), so this restores the bytes exactly.
            content.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        try (InputStream rest = bodyPart.getRawInputStream()) {
            rest.transferTo(content);
        }
        return new MimeBodyPart(fields, content.toByteArray());
    }

    private void walkMultipart(MimePart part, String contentType, String type, int depth, Bodies into)
            throws MessagingException, IOException {
        if (depth + 1 > limits.maxNestingDepth()) {
            problems.add("multipart nested deeper than " + limits.maxNestingDepth() + " levels, its parts skipped");
            return;
        }
        Optional<MimeMultipart> multipart = readMultipart(part, contentType)
                .or(() -> type.equals(contentType) ? Optional.empty() : readMultipart(part, type));
        if (multipart.isEmpty()) {
            problems.add("missing multipart boundary, body kept as text");
            readBodyText(part, contentType, "text/plain", into);
            return;
        }
        String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
        if (type.equals("multipart/alternative")) {
            walkAlternatives(multipart.get(), depth + 1, into);
            return;
        }
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

    /** Plain text wins for reading; the richest HTML alternative is kept for display. */
    private void walkAlternatives(MimeMultipart multipart, int depth, Bodies into) throws MessagingException {
        List<Bodies> alternatives = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            Bodies alternative = new Bodies();
            walk((MimePart) multipart.getBodyPart(i), depth, "text/plain", alternative);
            alternatives.add(alternative);
        }
        alternatives.stream().filter(a -> !a.plain.isEmpty()).findFirst().ifPresent(a -> into.plain.addAll(a.plain));
        alternatives.stream().filter(a -> !a.html.isEmpty()).reduce((first, last) -> last)
                .ifPresent(a -> into.html.addAll(a.html));
        alternatives.forEach(a -> into.forwarded.addAll(a.forwarded));
    }

    private void walkForwarded(MimePart part, int depth, Bodies into) throws MessagingException, IOException {
        if (depth + 1 > limits.maxNestingDepth()) {
            problems.add("forwarded message nested deeper than " + limits.maxNestingDepth()
                    + " levels, kept as an attachment");
            addAttachment(part, "message/rfc822");
            return;
        }
        MimeMessage forwarded = new MimeMessage(session, decodedContent(part));
        Bodies inner = new Bodies();
        walk(forwarded, depth + 1, "text/plain", inner);
        into.forwarded.add(forwardedSection(MailHeaders.of(forwarded), inner.readableText()));
    }

    private static String forwardedSection(MailHeaders headers, String body) {
        StringBuilder section = new StringBuilder(FORWARDED_MARKER).append('\n');
        for (String name : List.of("From", "Date", "Subject")) {
            headers.firstDecoded(name).filter(value -> !value.isBlank())
                    .ifPresent(value -> section.append(name).append(": ").append(value).append('\n'));
        }
        if (!body.isEmpty()) {
            section.append('\n');
            body.lines().forEach(line -> section.append(line.isEmpty() ? ">" : "> " + line).append('\n'));
        }
        return section.toString().stripTrailing();
    }

    private boolean isBodyText(MimePart part, String type) throws MessagingException {
        if (!type.equals("text/plain") && !type.equals("text/html")) {
            return false;
        }
        String disposition = header(part, "Content-Disposition");
        return !dispositionType(disposition).equals(ParsedAttachment.ATTACHMENT)
                && declaredFileName(header(part, "Content-Type"), disposition) == null;
    }

    private void readBodyText(MimePart part, String contentType, String type, Bodies into) throws MessagingException {
        long textLimit = Math.max(limits.maxAttachmentBytes(), MIN_BODY_TEXT_BYTES);
        BoundedContent content = BoundedContent.read(decodedContent(part), textLimit);
        if (content.failure() != null) {
            problems.add("body text partly undecodable, kept what could be read");
        } else if (!content.complete()) {
            problems.add("body text longer than " + textLimit + " bytes, truncated");
        }
        String charset = contentType == null ? null : parameter(contentType, "charset");
        if (charset == null && type.equals("text/html")) {
            // A meta charset belongs in the head; looking further would only cost time on a huge body.
            int sniffLength = Math.min(content.head().length, META_SNIFF_BYTES);
            Matcher meta = META_CHARSET.matcher(new String(content.head(), 0, sniffLength, StandardCharsets.ISO_8859_1));
            charset = meta.find() ? meta.group(1) : null;
        }
        String text = CharsetFallback.decode(content.head(), charset, problems::add);
        if (text.isBlank()) {
            return;
        }
        if (type.equals("text/html")) {
            into.html.add(text);
            return;
        }
        EmbeddedUuencode.Extraction extraction = EmbeddedUuencode.extract(normalizeLines(text));
        for (EmbeddedUuencode.UuFile file : extraction.files()) {
            // Nothing declares a type for these; the name alone would be a guess.
            addAttachment(file.declaredName(), "application/octet-stream", ParsedAttachment.ATTACHMENT, null,
                    new ByteArrayInputStream(file.content()));
        }
        String remaining = normalizeLines(extraction.text());
        if (!remaining.isBlank()) {
            into.plain.add(remaining);
        }
    }

    private void addAttachment(MimePart part, String type) throws MessagingException {
        String disposition = header(part, "Content-Disposition");
        String contentId = stripAngleBrackets(header(part, "Content-ID"));
        String shownAs = dispositionType(disposition).equals(ParsedAttachment.INLINE)
                || (disposition == null && contentId != null) ? ParsedAttachment.INLINE : ParsedAttachment.ATTACHMENT;
        String declaredName = declaredFileName(header(part, "Content-Type"), disposition);
        addAttachment(declaredName, type, shownAs, contentId, decodedContent(part));
    }

    private void addAttachment(String declaredName, String type, String shownAs, String contentId,
            InputStream decoded) {
        String fileName = AttachmentFileName.of(declaredName, attachments.size() + 1, type);
        if (attachments.size() >= limits.maxAttachments()) {
            problems.add("more than " + limits.maxAttachments() + " attachments, the rest listed without content");
            BoundedContent counted = BoundedContent.count(decoded);
            attachments.add(new ParsedAttachment(fileName, type, shownAs, null, counted.size(), false,
                    "beyond the limit of " + limits.maxAttachments() + " attachments", contentId));
            return;
        }
        BoundedContent content = BoundedContent.read(decoded, limits.maxAttachmentBytes());
        String note = content.failure() != null ? content.failure()
                : content.complete() ? null
                : "exceeds the attachment size limit of " + limits.maxAttachmentBytes() + " bytes";
        boolean kept = note == null;
        attachments.add(new ParsedAttachment(fileName, type, shownAs, kept ? content.head() : null, content.size(),
                kept, note, contentId));
    }

    private InputStream decodedContent(MimePart part) throws MessagingException {
        InputStream raw;
        if (part instanceof MimeBodyPart bodyPart) {
            raw = bodyPart.getRawInputStream();
        } else if (part instanceof MimeMessage message) {
            raw = message.getRawInputStream();
        } else {
            throw new MessagingException("unsupported part class");
        }
        return TransferDecoding.decode(raw, header(part, "Content-Transfer-Encoding"), problems::add);
    }

    /** The decoded file name from Content-Disposition, else from the Content-Type {@code name}; null if none. */
    private static String declaredFileName(String contentType, String disposition) {
        String name = null;
        if (disposition != null) {
            name = parameterOf(disposition, "filename", true);
        }
        if ((name == null || name.isBlank()) && contentType != null) {
            name = parameterOf(contentType, "name", false);
        }
        return name == null || name.isBlank() ? null : EncodedWordDecoder.decode(name).trim();
    }

    private static String parameter(String contentType, String name) {
        return parameterOf(contentType, name, false);
    }

    /** Jakarta's parser handles quoting and RFC 2231; a pattern takes over when it rejects a sloppy value. */
    private static String parameterOf(String headerValue, String name, boolean isDisposition) {
        try {
            String value = isDisposition
                    ? new ContentDisposition(headerValue).getParameter(name)
                    : new ContentType(headerValue).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through to the pattern
        }
        Matcher matcher = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"?|[^;]*)")
                .matcher(headerValue);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1).trim();
    }

    private static String dispositionType(String disposition) {
        if (disposition == null) {
            return "";
        }
        int semicolon = disposition.indexOf(';');
        return (semicolon < 0 ? disposition : disposition.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private String baseType(String contentType) {
        Matcher matcher = BASE_TYPE.matcher(contentType);
        if (matcher.find()) {
            return (matcher.group(1) + "/" + matcher.group(2)).toLowerCase(Locale.ROOT);
        }
        if (contentType.trim().toLowerCase(Locale.ROOT).matches("text\\s*(;.*)?")) {
            problems.add("Content-Type text without subtype, read as text/plain");
            return "text/plain";
        }
        problems.add("unreadable Content-Type, part kept as application/octet-stream");
        return "application/octet-stream";
    }

    /** The first value of a part's header, unfolded and with raw 8-bit bytes read; null when absent. */
    private static String header(MimePart part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : MailHeaders.cleanValue(values[0]);
    }

    private static String stripAngleBrackets(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.trim().replaceAll("^<|>$", "").trim();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String normalizeLines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\\s*\\n", "").stripTrailing();
    }

    /** The texts found under one node of the tree; one walk step fills it, so not thread-safe. */
    static final class Bodies {
        private final List<String> plain = new ArrayList<>();
        private final List<String> html = new ArrayList<>();
        private final List<String> forwarded = new ArrayList<>();

        /** Plain text if the sender wrote any, else the HTML read as text; forwarded messages follow, quoted. */
        String readableText() {
            List<String> sections = new ArrayList<>();
            String main = !plain.isEmpty()
                    ? String.join("\n\n", plain)
                    : String.join("\n\n", html.stream().map(HtmlBody::toReadableText).toList());
            if (!main.isBlank()) {
                sections.add(main.stripTrailing());
            }
            sections.addAll(forwarded);
            return String.join("\n\n", sections);
        }

        /** The HTML alternatives cleaned for display, or null when the mail had no HTML. */
        String sanitizedHtml() {
            return html.isEmpty() ? null : HtmlBody.sanitize(String.join("\n", html));
        }
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
                if (part instanceof MimeBodyPart bodyPart) {
                    return bodyPart.getRawInputStream();
                }
                return ((MimeMessage) part).getRawInputStream();
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
