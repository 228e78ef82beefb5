package org.shahid.evidence;

import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.shahid.sealing.RedactIdentity;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.ParsedAttachment;
import org.shahid.parsing.ParsedMail;
import org.shahid.sealing.RedactionTerms;

/**
 * Rebuilds a mail sent as a file (message/rfc822) for monitors. It is parsed and redacted exactly as a reporter's
 * own mail at intake ({@link MailParser}, {@link RedactIdentity}), with the terms of everyone its header names
 * (sender and recipients): subject, text and HTML lose those addresses and names, identifying links, phone
 * numbers, IP addresses, quoted mail and the signature block. Of its header only the redacted subject and the date
 * (in UTC) remain; each attachment is typed by its bytes and scrubbed by the scrubber of its type (mails in mails
 * recursively), named by {@link MemberNames} (the record maps the new name to the attachment's name redacted with
 * those terms), and one without a scrubber is left out with a note in the record.
 * Thread-safe (a new rebuild per file).
 */
final class ScrubAttachedMail implements MetadataScrubber {

    private static final MailParser PARSER = new MailParser(MailLimits.DEFAULTS);
    private static final RedactIdentity REDACTION = new RedactIdentity();
    private static final Set<String> KEPT_HEADERS = Set.of("subject", "date", "mime-version");

    private final ScrubMetadata scrubbers;
    private final ClassifyType classifyType;

    ScrubAttachedMail(ScrubMetadata scrubbers, ClassifyType classifyType) {
        this.scrubbers = scrubbers;
        this.classifyType = classifyType;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        ParsedMail mail = PARSER.parse(Files.readAllBytes(input));
        Set<String> removed = new LinkedHashSet<>();
        for (String header : mail.headers().names()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (!KEPT_HEADERS.contains(lower) && !lower.startsWith("content-")) {
                removed.add("Header:" + (header.matches("[A-Za-z0-9-]{1,40}") ? header : "other"));
            }
        }
        RedactionTerms terms = RedactIdentity.termsOfEveryone(mail);
        RedactIdentity.Redacted redacted = REDACTION.redact(mail, terms);
        MimeMessage copy = new MimeMessage(Session.getInstance(new Properties()));
        if (!redacted.subject().isEmpty()) {
            copy.setSubject(redacted.subject(), "UTF-8");
        }
        Optional<Date> sent = sentDate(mail);
        if (sent.isPresent()) {
            copy.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    sent.get().toInstant().atOffset(ZoneOffset.UTC)));
        }
        MimeMultipart body = new MimeMultipart("mixed");
        body.addBodyPart(text(redacted));
        Path workDir = output.toAbsolutePath().getParent();
        int position = 0;
        for (ParsedAttachment attachment : mail.attachments()) {
            Optional<MimeBodyPart> part = scrubbedAttachment(attachment, position + 1, terms, workDir, removed);
            if (part.isPresent()) {
                body.addBodyPart(part.get());
                position++;
            }
        }
        copy.setContent(body);
        copy.saveChanges();
        copy.removeHeader("Message-ID");
        try (OutputStream out = Files.newOutputStream(output)) {
            copy.writeTo(out);
        }
        return new ArrayList<>(removed);
    }

    /** The redacted text, with the gate's HTML rendering of it beside it when the mail had HTML. */
    private static MimeBodyPart text(RedactIdentity.Redacted redacted) throws Exception {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(redacted.text(), "UTF-8", "plain");
        if (redacted.html() == null) {
            return plain;
        }
        MimeBodyPart html = new MimeBodyPart();
        html.setText(redacted.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        MimeBodyPart both = new MimeBodyPart();
        both.setContent(alternative);
        return both;
    }

    private Optional<MimeBodyPart> scrubbedAttachment(ParsedAttachment attachment, int position, RedactionTerms terms,
                                                      Path workDir, Set<String> removed) throws Exception {
        if (!attachment.kept() || attachment.content() == null) {
            removed.add("Mail:removed-attachment-not-kept");
            return Optional.empty();
        }
        Path in = Files.createTempFile(workDir, "mail-part-", ".bin");
        Path out = Files.createTempFile(workDir, "mail-part-copy-", ".bin");
        try {
            Files.write(in, attachment.content());
            ClassifyType.Classification type = classifyType.classify(in, attachment.fileName(),
                    attachment.declaredType());
            Optional<MetadataScrubber> scrubber = type.executable() ? Optional.empty()
                    : scrubbers.forType(type.detectedType());
            if (scrubber.isEmpty()) {
                removed.add("Mail:removed-unscrubbable-attachment");
                return Optional.empty();
            }
            List<String> scrubbed;
            try {
                scrubbed = scrubber.get().scrub(in, out);
            } catch (Exception | StackOverflowError unscrubbable) {
                removed.add("Mail:removed-unscrubbable-attachment");
                return Optional.empty();
            }
            MimeBodyPart copy = new MimeBodyPart();
            copy.setDataHandler(new DataHandler(new ByteArrayDataSource(Files.readAllBytes(out), type.detectedType())));
            String name = MemberNames.of(position, out, attachment.fileName());
            removed.add(MemberNames.record(name, terms.replaceInFileName(attachment.fileName())));
            removed.addAll(MemberNames.nested("Attachment:", name, scrubbed));
            copy.setFileName(name);
            copy.setDisposition(Part.ATTACHMENT);
            return Optional.of(copy);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private static Optional<Date> sentDate(ParsedMail mail) {
        Optional<String> value = mail.headers().first("Date");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailDateFormat().parse(value.get().strip()));
        } catch (ParseException | RuntimeException unparsable) {
            return Optional.empty();
        }
    }
}
