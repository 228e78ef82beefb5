package org.shahid.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.shahid.parsing.RawMail;

/**
 * The idempotency key of a mail: SHA-256 over its header fields and body, leaving out the trace fields each
 * delivery adds (Received, Return-Path, Delivered-To, Authentication-Results...). The same mail delivered
 * twice has one key; a reused Message-ID with another body has another. Immutable.
 */
public record MailKey(String value) {

    private static final Set<String> TRACE_FIELDS = Set.of(
            "received", "return-path", "delivered-to", "x-original-to", "envelope-to", "x-envelope-from",
            "x-envelope-to", "authentication-results", "arc-seal", "arc-message-signature",
            "arc-authentication-results", "received-spf", "status", "x-status", "x-keywords", "x-uid",
            "content-length", "lines", "x-mozilla-status", "x-mozilla-status2", "x-delivery-id");
    private static final Set<String> TRACE_PREFIXES = Set.of("x-spam-", "x-virus-", "x-ms-exchange-organization-");

    public static MailKey of(byte[] raw) {
        RawMail mail = RawMail.split(raw);
        MessageDigest digest = sha256();
        for (String field : mail.unfoldedFields()) {
            int colon = field.indexOf(':');
            String name = (colon < 0 ? field : field.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            if (isTrace(name)) {
                continue;
            }
            String value = colon < 0 ? "" : field.substring(colon + 1).strip().replaceAll("\\s+", " ");
            digest.update((name + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) 0);
        digest.update(normaliseBody(mail.body()));
        return new MailKey(HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The key of a mail too large to fetch, from what the server tells about it (size, arrival, Message-ID) and
     * where it was polled. Intake keys such a mail so when it quarantines it; reconciliation finds it again by it.
     * The arrival is written as an instant (UTC), so that instances and admin commands in other time zones agree.
     */
    public static MailKey ofUnfetched(String mailbox, String polledFolder, long size, java.util.Date received,
                                      String[] messageIds) {
        String identity = mailbox + "/" + polledFolder + "/" + size + "/"
                + (received == null ? "no-date" : received.toInstant().toString()) + "/"
                + String.join(",", messageIds == null ? new String[0] : messageIds);
        return of(identity.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isTrace(String name) {
        return TRACE_FIELDS.contains(name) || TRACE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Line endings and trailing blank lines differ between servers (Maildir stores LF, IMAP serves CRLF). */
    private static byte[] normaliseBody(byte[] body) {
        byte[] out = new byte[body.length];
        int length = 0;
        for (byte b : body) {
            if (b != '\r') {
                out[length++] = b;
            }
        }
        while (length > 0 && (out[length - 1] == '\n' || out[length - 1] == ' ' || out[length - 1] == '\t')) {
            length--;
        }
        return java.util.Arrays.copyOf(out, length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A short prefix, enough to find the mail in logs and tables without printing anything of its content. */
    public String shortForm() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
