package org.shahid.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchMailsTest {

    @Test
    void everyMailOfTheMixCarriesAFileOfItsOwnOfTheSameSize() throws Exception {
        BenchMails mails = new BenchMails(1, "t");
        for (BenchMails.Kind kind : new BenchMails.Kind[] {BenchMails.Kind.JPEG, BenchMails.Kind.PDF}) {
            Set<String> contents = new HashSet<>();
            Set<Integer> sizes = new HashSet<>();
            for (int index = 0; index < 20; index++) {
                byte[] attachment = attachmentOf(mails.mail(index, kind));
                contents.add(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(attachment)));
                sizes.add(attachment.length);
            }
            assertThat(contents).as(kind.name()).hasSize(20);
            assertThat(sizes).as(kind.name()).hasSize(1);
        }
    }

    private static byte[] attachmentOf(byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment");
    }
}
