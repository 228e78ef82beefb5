package org.shahid.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Builds raw RFC 5322 mails for flow tests, byte-exact, so each test states precisely what arrives. */
public final class TestMails {

    private TestMails() {
    }

    public static byte[] plain(String from, String to, String subject, String body) {
        return plain(from, to, subject, body, "");
    }

    /** A text/plain UTF-8 mail; {@code extraHeaders} are whole lines ending in CRLF. */
    public static byte[] plain(String from, String to, String subject, String body, String extraHeaders) {
        String mail = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@phone.example.org>\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0300\r\n"
                + extraHeaders
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + base64Lines(body.getBytes(StandardCharsets.UTF_8));
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    /** A multipart/mixed mail whose text is in {@code charset}, with one attachment. */
    public static byte[] withAttachment(String from, String to, String subject, String body, Charset charset,
                                        String fileName, String contentType, byte[] content) {
        return multipart(from, to, subject, body, charset, List.of(new File(fileName, contentType, content)));
    }

    /** A UTF-8 multipart/mixed mail with several PDF attachments, in the order of {@code pdfs}' names. */
    public static byte[] withAttachments(String from, String to, String subject, String body,
                                         Map<String, byte[]> pdfs) {
        return multipart(from, to, subject, body, StandardCharsets.UTF_8, new TreeMap<>(pdfs).entrySet().stream()
                .map(pdf -> new File(pdf.getKey(), "application/pdf", pdf.getValue())).toList());
    }

    /** One attachment of {@link #withFiles}. */
    public record File(String name, String contentType, byte[] content) {
    }

    /** A UTF-8 multipart/mixed mail with attachments of any type, in the given order. */
    public static byte[] withFiles(String from, String to, String subject, String body, List<File> files) {
        return multipart(from, to, subject, body, StandardCharsets.UTF_8, files);
    }

    private static byte[] multipart(String from, String to, String subject, String body, Charset charset,
                                    List<File> files) {
        String boundary = "b-" + UUID.randomUUID();
        StringBuilder mail = new StringBuilder("From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@phone.example.org>\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=" + charset.name() + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + base64Lines(body.getBytes(charset)));
        for (File file : files) {
            mail.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: ").append(file.contentType()).append("; name=\"").append(file.name())
                    .append("\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(file.name()).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n")
                    .append("\r\n")
                    .append(base64Lines(file.content()));
        }
        mail.append("--").append(boundary).append("--\r\n");
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** An HTML-only UTF-8 mail, as many phone clients send. */
    public static byte[] htmlOnly(String from, String to, String subject, String html) {
        String mail = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@phone.example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + base64Lines(html.getBytes(StandardCharsets.UTF_8));
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 2047 B-encoding, for non-ASCII subjects and names. */
    public static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** A small but well-formed PDF with one line of text. */
    public static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String base64Lines(byte[] content) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\r\n";
    }
}
