package org.shahid.evidence;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Rebuilds a mail sent as a file (message/rfc822) for monitors: of its header only the subject and the date (in
 * UTC) remain, with every address and name of its From, Sender, Reply-To, To, Cc and Bcc replaced by
 * {@code [address]} and {@code [name]}, as in a reporter's own mail; its text and HTML bodies are kept with the
 * same replacement; each attachment is typed by its bytes and scrubbed by the scrubber of its type (mails in mails
 * recursively), and one without a scrubber is left out with a note in the record. Thread-safe (a new rebuild per
 * file).
 */
final class ScrubAttachedMail implements MetadataScrubber {

    static final String ADDRESS = "[address]";
    static final String NAME = "[name]";
    private static final List<String> PEOPLE_FIELDS = List.of("From", "Sender", "Reply-To", "To", "Cc", "Bcc",
            "Return-Path", "Delivered-To");
    private static final int MAX_PARTS = 200;

    private final ScrubMetadata scrubbers;
    private final ClassifyType classifyType;

    ScrubAttachedMail(ScrubMetadata scrubbers, ClassifyType classifyType) {
        this.scrubbers = scrubbers;
        this.classifyType = classifyType;
    }

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage original;
        try (InputStream in = Files.newInputStream(input)) {
            original = new MimeMessage(session, in);
        }
        Set<String> removed = new LinkedHashSet<>();
        for (jakarta.mail.Header line : java.util.Collections.list(original.getAllHeaders())) {
            String header = line.getName();
            if (!header.equalsIgnoreCase("Subject") && !header.equalsIgnoreCase("Date")
                    && !header.toLowerCase(Locale.ROOT).startsWith("content-")
                    && !header.equalsIgnoreCase("MIME-Version")) {
                removed.add("Header:" + (header.matches("[A-Za-z0-9-]{1,40}") ? header : "other"));
            }
        }
        List<String[]> terms = identityTerms(original);
        MimeMessage copy = new MimeMessage(session);
        if (original.getSubject() != null) {
            copy.setSubject(redact(original.getSubject(), terms), "UTF-8");
        }
        if (original.getSentDate() != null) {
            copy.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    original.getSentDate().toInstant().atOffset(ZoneOffset.UTC)));
        }
        List<MimeBodyPart> parts = new ArrayList<>();
        collect(original, parts, terms, removed, output.toAbsolutePath().getParent());
        MimeMultipart body = new MimeMultipart("mixed");
        for (MimeBodyPart part : parts) {
            body.addBodyPart(part);
        }
        copy.setContent(body);
        copy.saveChanges();
        copy.removeHeader("Message-ID");
        try (OutputStream out = Files.newOutputStream(output)) {
            copy.writeTo(out);
        }
        return new ArrayList<>(removed);
    }

    private void collect(Part part, List<MimeBodyPart> parts, List<String[]> terms, Set<String> removed,
                         Path workDir) throws Exception {
        if (parts.size() >= MAX_PARTS) {
            removed.add("Mail:parts-beyond-limit");
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts, terms, removed, workDir);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attachment && (part.isMimeType("text/plain") || part.isMimeType("text/html"))) {
            MimeBodyPart text = new MimeBodyPart();
            String subtype = part.isMimeType("text/html") ? "html" : "plain";
            text.setText(redact(String.valueOf(part.getContent()), terms), "UTF-8", subtype);
            parts.add(text);
            return;
        }
        scrubbedAttachment(part, workDir, removed).ifPresent(parts::add);
    }

    private Optional<MimeBodyPart> scrubbedAttachment(Part part, Path workDir, Set<String> removed)
            throws Exception {
        Path in = Files.createTempFile(workDir, "mail-part-", ".bin");
        Path out = Files.createTempFile(workDir, "mail-part-copy-", ".bin");
        try {
            try (InputStream content = part.getInputStream()) {
                Files.copy(content, in, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String name = part.getFileName();
            ClassifyType.Classification type = classifyType.classify(in, name, part.getContentType());
            Optional<MetadataScrubber> scrubber = type.executable() ? Optional.empty()
                    : scrubbers.forType(type.detectedType());
            if (scrubber.isEmpty()) {
                removed.add("Mail:removed-unscrubbable-attachment");
                return Optional.empty();
            }
            try {
                scrubber.get().scrub(in, out).forEach(field -> removed.add("Attachment:" + field));
            } catch (Exception | StackOverflowError unscrubbable) {
                removed.add("Mail:removed-unscrubbable-attachment");
                return Optional.empty();
            }
            MimeBodyPart copy = new MimeBodyPart();
            copy.setDataHandler(new jakarta.activation.DataHandler(
                    new ByteArrayDataSource(Files.readAllBytes(out), type.detectedType())));
            if (name != null) {
                copy.setFileName(name);
            }
            copy.setDisposition(Part.ATTACHMENT);
            return Optional.of(copy);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** Each person's address, local part and name from the header, longest first, with its placeholder. */
    private static List<String[]> identityTerms(MimeMessage mail) throws MessagingException {
        Set<String[]> terms = new LinkedHashSet<>();
        for (String field : PEOPLE_FIELDS) {
            String[] values = mail.getHeader(field);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Address[] addresses;
                try {
                    addresses = InternetAddress.parseHeader(value, false);
                } catch (MessagingException unparsable) {
                    terms.add(new String[] {value.strip(), ADDRESS});
                    continue;
                }
                for (Address address : addresses) {
                    if (address instanceof InternetAddress internet) {
                        if (internet.getAddress() != null && !internet.getAddress().isBlank()) {
                            terms.add(new String[] {internet.getAddress(), ADDRESS});
                            String local = internet.getAddress().split("@", 2)[0];
                            if (local.length() >= 3) {
                                terms.add(new String[] {local, NAME});
                            }
                        }
                        if (internet.getPersonal() != null && internet.getPersonal().strip().length() >= 2) {
                            terms.add(new String[] {internet.getPersonal().strip(), NAME});
                        }
                    }
                }
            }
        }
        List<String[]> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt((String[] term) -> term[0].length()).reversed());
        return sorted;
    }

    private static String redact(String text, List<String[]> terms) {
        String result = text;
        for (String[] term : terms) {
            result = result.replace(term[0], term[1]);
        }
        return result;
    }
}
