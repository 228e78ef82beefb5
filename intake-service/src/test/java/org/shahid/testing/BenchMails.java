package org.shahid.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The benchmark's mails: a realistic mix of 70% plain text of about 1 KB (Arabic, Sorani Kurdish or English), 20%
 * with a 200 KB JPEG screenshot and 10% with a 1 MB PDF, each from its own reporter address (so each gets its own
 * acknowledgement). Deterministic for a seed. Not thread-safe.
 */
public final class BenchMails {

    /** The kinds of mail in the mix. */
    public enum Kind { TEXT, JPEG, PDF }

    private static final String[] TEXTS = {
        "في الساعة العاشرة صباحاً دخل رجلان إلى مركز الاقتراع في المدرسة وأخرجا صندوق الاقتراع. "
            + "رأيت ذلك بنفسي وكان هناك شهود آخرون. منع المراقبون من الدخول بعد ذلك. ",
        "لە کاتژمێر دەی بەیانی دوو پیاو هاتنە ناو بنکەی دەنگدان و سندوقی دەنگدانیان برد. "
            + "خۆم بینیم و چەند شایەتێکی تریش هەبوون. چاودێرەکان ڕێگەیان پێنەدرا بچنە ژوورەوە. ",
        "At ten in the morning two men entered the polling station at the school and carried the ballot box out. "
            + "I saw it myself and there were other witnesses. Observers were not let in afterwards. "
    };

    private static final String PDF_HEAD = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n";

    /** Where a mail's index is written into its attachment: past the JPEG header, inside the PDF's first comment. */
    private static final int JPEG_MARK_OFFSET = 16;
    private static final int PDF_MARK_OFFSET = PDF_HEAD.length() + 2;

    private final Random random;
    private final String run;
    private final byte[] jpeg;
    private final byte[] pdf;

    public BenchMails(long seed, String run) {
        this.random = new Random(seed);
        this.run = run;
        this.jpeg = jpeg(200 * 1024);
        this.pdf = pdf(1024 * 1024);
    }

    /** The kind of the i-th mail of the mix: 7 of 10 text, 2 of 10 JPEG, 1 of 10 PDF. */
    public static Kind kindOf(int index) {
        int slot = index % 10;
        return slot < 7 ? Kind.TEXT : slot < 9 ? Kind.JPEG : Kind.PDF;
    }

    public byte[] mail(int index) {
        return mail(index, kindOf(index));
    }

    public byte[] mail(int index, Kind kind) {
        String text = TEXTS[index % TEXTS.length].repeat(3);
        String head = "From: Reporter " + index + " <reporter" + index + "." + run + "@example.org>\r\n"
                + "To: report@shahid.test\r\n"
                + "Subject: =?UTF-8?B?" + b64(("Report " + index).getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Date: Sun, 29 Nov 2026 10:00:00 +0300\r\n"
                + "Message-ID: <bench-" + run + "-" + index + "@example.org>\r\n"
                + "MIME-Version: 1.0\r\n";
        return switch (kind) {
            case TEXT -> (head + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + wrapped(text.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            case JPEG -> withAttachment(head, text, "image/jpeg", "screenshot-" + index + ".jpg",
                    ownCopy(jpeg, index, JPEG_MARK_OFFSET));
            case PDF -> withAttachment(head, text, "application/pdf", "leaflet-" + index + ".pdf",
                    ownCopy(pdf, index, PDF_MARK_OFFSET));
        };
    }

    /**
     * The attachment of mail {@code index}: the same size and kind for every mail, but a file of its own (its index
     * in hex at {@code offset}), as the evidence of different reporters mostly is. With one shared file, intake's
     * content-addressed sealing stored it once, and every mail after the first skipped that work.
     */
    private static byte[] ownCopy(byte[] attachment, int index, int offset) {
        byte[] copy = attachment.clone();
        byte[] mark = String.format(java.util.Locale.ROOT, "%08x", index).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, copy, offset, mark.length);
        return copy;
    }

    /** A mail with one attachment of {@code bytes} random bytes behind a JPEG header (the 25 MB case). */
    public byte[] largeMail(int index, int bytes) {
        String head = "From: <large" + index + "." + run + "@example.org>\r\nTo: report@shahid.test\r\n"
                + "Subject: Large evidence " + index + "\r\nMessage-ID: <bench-large-" + run + "-" + index
                + "@example.org>\r\nMIME-Version: 1.0\r\n";
        return withAttachment(head, TEXTS[2], "image/jpeg", "video-still-" + index + ".jpg", jpeg(bytes));
    }

    private static byte[] withAttachment(String head, String text, String type, String name, byte[] content) {
        String boundary = "bench-boundary-" + name.hashCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 4 / 3 + 4096);
        String start = head + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + wrapped(text.getBytes(StandardCharsets.UTF_8))
                + "--" + boundary + "\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        out.writeBytes(start.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(wrapped(content).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        bytes[size - 2] = (byte) 0xFF;
        bytes[size - 1] = (byte) 0xD9;
        return bytes;
    }

    private byte[] pdf(int size) {
        StringBuilder body = new StringBuilder(PDF_HEAD);
        while (body.length() < size - 64) {
            body.append("% ").append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong()))
                    .append('\n');
        }
        body.append("trailer << /Root 1 0 R >>\n%%EOF\n");
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String wrapped(byte[] bytes) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes) + "\r\n";
    }
}
