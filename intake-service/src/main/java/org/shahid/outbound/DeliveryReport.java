package org.shahid.outbound;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail says about the delivery of another: whether it is a delivery report at all (an RFC 3464
 * {@code multipart/report; report-type=delivery-status}, or the plain-text bounce of a common MTA: Postfix,
 * Exim, Sendmail, Exchange, Gmail, qmail), whether it reports a failure or only a delay, and the Message-IDs and
 * envelope addresses it quotes. Reads at most {@link #MAX_SCANNED_CHARS} of text; never keeps the report.
 * Immutable value; {@link #read} is stateless and thread-safe.
 */
public record DeliveryReport(boolean isReport, boolean delayOnly, List<String> quotedMessageIds, String scannedText) {

    static final int MAX_SCANNED_CHARS = 256 * 1024;
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*<([^<>\\s]{1,250})>");
    private static final Pattern ACTION = Pattern.compile("(?im)^\\s*Action:\\s*([a-z]+)");
    private static final Pattern BOUNCE_SENDER = Pattern.compile(
            "(?i)(mailer-daemon|postmaster|mail delivery (sub)?system|mail delivery system)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)(undeliver(ed|able)|delivery (status "
            + "notification|failure|has failed|failed|delayed)|returned mail|mail delivery failed|failure notice|"
            + "delayed mail|warning: could not send message|non[- ]delivery)");
    private static final Pattern DELAY_WORDS = Pattern.compile("(?i)(delayed|delay|not yet been delivered|will "
            + "(continue to )?(retry|try)|still trying|warning)");
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)(could not be delivered|permanent(ly)? "
            + "(error|failure|fatal)|failed permanently|undeliverable|user unknown|no such user|does not exist|"
            + "mailbox (is )?(full|unavailable)|returned to sender|550|554|5\\.\\d\\.\\d)");

    /** Reads a raw mail; an unparseable one is no report. */
    public static DeliveryReport read(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            StringBuilder text = new StringBuilder();
            List<String> actions = new ArrayList<>();
            boolean rfc3464 = message.isMimeType("multipart/report")
                    && "delivery-status".equalsIgnoreCase(new jakarta.mail.internet.ContentType(
                            message.getContentType()).getParameter("report-type"));
            collect(message, text, actions, 0);
            String scanned = text.length() > MAX_SCANNED_CHARS ? text.substring(0, MAX_SCANNED_CHARS) : text.toString();
            String from = String.join(",", nonNull(message.getHeader("From")));
            String subject = String.join(",", nonNull(message.getHeader("Subject")));
            boolean plainBounce = BOUNCE_SENDER.matcher(from).find() && BOUNCE_SUBJECT.matcher(subject).find();
            boolean isReport = rfc3464 || plainBounce;
            boolean delayOnly;
            if (!actions.isEmpty()) {
                delayOnly = actions.stream().allMatch(action -> action.equals("delayed"));
            } else {
                delayOnly = DELAY_WORDS.matcher(subject).find() && !FAILURE_WORDS.matcher(subject).find();
            }
            return new DeliveryReport(isReport, delayOnly, messageIdsIn(scanned), scanned);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return new DeliveryReport(false, false, List.of(), "");
        }
    }

    private static String[] nonNull(String[] values) {
        return values == null ? new String[0] : values;
    }

    /** Gathers the text of every part (quoted headers included), the Action fields of delivery-status parts. */
    private static void collect(Part part, StringBuilder text, List<String> actions, int depth)
            throws MessagingException, IOException {
        if (depth > 5 || text.length() > MAX_SCANNED_CHARS) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount() && i < 10; i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, actions, depth + 1);
            }
            return;
        }
        String content = readText(part);
        if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
            Matcher action = ACTION.matcher(content);
            while (action.find()) {
                actions.add(action.group(1).toLowerCase(Locale.ROOT));
            }
        }
        text.append(content).append('\n');
    }

    private static String readText(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_SCANNED_CHARS), StandardCharsets.UTF_8);
        }
    }

    private static List<String> messageIdsIn(String text) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(text);
        while (matcher.find() && ids.size() < 20) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
