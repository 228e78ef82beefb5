package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.shahid.evidence.EvidenceFile;

/** Reading the text of a mail with no IMAP folder behind it, as the push listener parses one from its spool. */
class FetchTextPartsTest {

    private static final String MAIL = "From: big@example.org\r\nTo: report@shahid.test\r\nSubject: Video\r\n"
            + "Message-ID: <odd-encoding@phone.example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nMen carried the ballot box out.\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: x-phone-pack\r\n"
            + "\r\nQUJDREVGRw==\r\n"
            + "--b1\r\nContent-Type: video/mp4; name=\"clip.mp4\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "A".repeat(7_800) + "\r\n--b1--\r\n";

    @Test
    void listsALocalMailsUndecodableTextPartAsNotFetchedAndKeepsTheRest() throws Exception {
        FetchTextParts.PartialMail partial = new FetchTextParts(1_000_000).fetch(local(), "not kept");

        assertThat(new String(partial.raw(), StandardCharsets.UTF_8)).contains("Subject: Video");
        assertThat(partial.notFetched()).extracting(EvidenceFile::declaredType).containsExactly("text/plain",
                "video/mp4");
        assertThat(partial.notFetched().get(1).fileName()).isEqualTo("clip.mp4");
        assertThat(partial.notFetched().get(1).size()).isEqualTo(5_700);
    }

    @Test
    void makesTheSameBytesOfTheSameMail() throws Exception {
        FetchTextParts textParts = new FetchTextParts(1_000_000);

        assertThat(textParts.fetch(local(), "not kept").raw()).isEqualTo(textParts.fetch(local(), "not kept").raw());
    }

    private static MimeMessage local() throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new SharedByteArrayInputStream(MAIL.getBytes(StandardCharsets.US_ASCII)));
    }
}
