package org.shahid.sealing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * What identifies the sender of one mail: the address replies go to, the display name, and the mail's whole
 * original header block (From, Received, X-Originating-IP, Message-ID, User-Agent, DKIM...). Immutable.
 */
public record SealedIdentity(String replyAddress, String displayName, String originalHeaders) {

    private static final String ADDRESS_FIELD = "X-Shahid-Reply-Address";
    private static final String NAME_FIELD = "X-Shahid-Display-Name";

    public SealedIdentity {
        replyAddress = replyAddress == null ? "" : replyAddress;
        displayName = displayName == null ? "" : displayName;
        originalHeaders = originalHeaders == null ? "" : originalHeaders;
    }

    /** Serialised as a header block itself, so the sealed plaintext stays readable by standard tools. */
    byte[] toBytes() {
        String block = ADDRESS_FIELD + ": " + oneLine(replyAddress) + "\r\n"
                + NAME_FIELD + ": " + oneLine(displayName) + "\r\n"
                + "\r\n" + originalHeaders;
        return block.getBytes(StandardCharsets.UTF_8);
    }

    static SealedIdentity fromBytes(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String ours = split < 0 ? text : text.substring(0, split + 2);
        String original = split < 0 ? "" : text.substring(split + 4);
        try {
            InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream(
                    (ours + "\r\n").getBytes(StandardCharsets.UTF_8)), true);
            return new SealedIdentity(fields.getHeader(ADDRESS_FIELD, null), fields.getHeader(NAME_FIELD, null),
                    original);
        } catch (MessagingException e) {
            throw new SealingException("sealed identity is not well formed");
        }
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }

    @Override
    public String toString() {
        return "SealedIdentity[sealed]";
    }
}
