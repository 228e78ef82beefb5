package org.shahid.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Parses a raw RFC 5322 / MIME mail into a {@link ParsedMail}, degrading on every defect it can survive and throwing
 * {@link UnparseableMailException} only for input that is not a mail at all. Thread-safe: it holds only immutable
 * limits and a Jakarta Mail {@link Session}, and each call works on its own state.
 */
public final class MailParser {

    private final MailLimits limits;
    private final Session session;

    public MailParser(MailLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.session = Session.getInstance(sessionProperties());
    }

    /**
     * Only these two lenient settings are read from the Session by Jakarta Mail 2.1 / Angus 2.0.5. The other
     * {@code mail.mime.*} leniency switches (base64 and uudecode errors, decodetext.strict, parameters.strict,
     * multipart.allowempty, ignoreunknownencoding) are JVM-wide system properties read once in static initialisers,
     * so this parser does not rely on them and handles those defects itself.
     */
    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        // Read headers byte for byte (ISO-8859-1) so that MailHeaders can tell UTF-8 from windows-1252 itself.
        properties.setProperty("mail.mime.allowutf8", "false");
        return properties;
    }

    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        if (raw == null || raw.length == 0) {
            throw new UnparseableMailException("empty input");
        }
        HeaderBlockFraming.FramedMail framed = HeaderBlockFraming.frame(raw);
        if (framed.headerFieldCount() == 0 && framed.bodyIsBlank()) {
            throw new UnparseableMailException("no header fields and no body");
        }
        if (framed.headerFieldCount() == 0 && framed.bodyLooksBinary()) {
            throw new UnparseableMailException("no header fields and binary content");
        }
        MimeMessage message;
        MailHeaders headers;
        try {
            // A shared stream lets every part point into one array instead of copying its bytes.
            message = new MimeMessage(session, new SharedByteArrayInputStream(framed.bytes()));
            headers = MailHeaders.of(message);
        } catch (MessagingException | RuntimeException e) {
            throw new UnparseableMailException("the header block could not be read");
        }
        MimeTreeWalk walk = new MimeTreeWalk(limits, session);
        framed.problems().forEach(walk::addProblem);
        if (headers.all("Content-Type").size() > 1) {
            walk.addProblem("several Content-Type fields, the first one used");
        }
        BodyTexts bodies = walk.walkMessage(message);

        List<String> headerProblems = new ArrayList<>();
        String subject = headers.first("Subject")
                .map(value -> EncodedWordDecoder.decode(value, headerProblems::add))
                .orElse("");
        headerProblems.forEach(problem -> walk.addProblem(problem + " (in the Subject)"));
        Optional<MailAddress> from = headers.first("From").flatMap(MailAddress::parseLenient);
        if (from.isEmpty()) {
            walk.addProblem(headers.first("From").isPresent() ? "unreadable From address" : "no From field");
        }
        return new ParsedMail(
                headers,
                from,
                subject,
                MessageIds.first(headers.first("Message-ID")),
                MessageIds.all(headers.all("In-Reply-To")),
                MessageIds.all(headers.all("References")),
                bodies.readableText(),
                bodies.sanitizedHtml(),
                walk.attachments(),
                walk.problems(),
                raw.length);
    }
}
