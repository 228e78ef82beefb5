package org.shahid.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push listener's spool: unreadable on disk, parsed in place, gone once closed. */
class EncryptedSpoolTest {

    @TempDir
    Path work;

    @Test
    void holdsNoReadableByteOfTheMailAndParsesItWithoutLoadingIt() throws Exception {
        byte[] video = new byte[300_000];
        new Random(7).nextBytes(video);
        String mail = "From: Amal <amal.reporter@example.org>\r\nTo: report@shahid.test\r\nSubject: Boxes\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe boxes left at 4 pm.\r\n"
                + "--b1\r\nContent-Type: video/mp4; name=\"clip.mp4\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(video) + "\r\n--b1--\r\n";

        try (EncryptedSpool spool = EncryptedSpool.create(work.resolve("work"))) {
            try (OutputStream out = spool.writer()) {
                out.write(mail.getBytes(StandardCharsets.US_ASCII));
            }
            Path file = onlyFileIn(work.resolve("work"));
            String onDisk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(onDisk).doesNotContain("amal.reporter").doesNotContain("boxes left");

            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), spool.reader());
            Multipart parts = (Multipart) message.getContent();
            assertThat(message.getSubject()).isEqualTo("Boxes");
            assertThat(parts.getBodyPart(0).getContent()).isEqualTo("The boxes left at 4 pm.");
            Part clip = parts.getBodyPart(1);
            assertThat(clip.getFileName()).isEqualTo("clip.mp4");
            // The encoded size, as IMAP's BODYSTRUCTURE would give it.
            assertThat(clip.getSize()).isBetween(400_000, 420_000);
            try (InputStream decoded = clip.getInputStream()) {
                assertThat(decoded.readAllBytes()).isEqualTo(video);
            }
        }

        try (Stream<Path> left = Files.list(work.resolve("work"))) {
            assertThat(left).isEmpty();
        }
    }

    private static Path onlyFileIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.reduce((a, b) -> {
                throw new AssertionError("more than one spool file");
            }).orElseThrow();
        }
    }

    /** A crash leaves a spool behind; the next start removes it, but never a spool younger than the age given. */
    @Test
    void removesOnlySpoolsOlderThanTheAgeGiven() throws Exception {
        Path abandoned = java.nio.file.Files.createFile(work.resolve("push-1.spool"));
        java.nio.file.Files.setLastModifiedTime(abandoned,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        Path current = java.nio.file.Files.createFile(work.resolve("push-2.spool"));
        Path other = java.nio.file.Files.createFile(work.resolve("decode-3.png"));
        java.nio.file.Files.setLastModifiedTime(other, java.nio.file.Files.getLastModifiedTime(abandoned));

        int removed = EncryptedSpool.removeAbandoned(work, java.time.Duration.ofHours(1));

        assertThat(removed).isEqualTo(1);
        assertThat(abandoned).doesNotExist();
        assertThat(current).exists();
        assertThat(other).exists();
    }
}
