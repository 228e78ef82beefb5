package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailKeyTest {

    private static final String MAIL = "From: a@example.org\r\nMessage-ID: <1@example.org>\r\nSubject: x\r\n\r\nbody\r\n";

    @Test
    void isTheSameForTheSameMailDeliveredAgainWithOtherTraceHeaders() {
        String again = "Return-Path: <a@example.org>\r\nReceived: from mx2 by mx3; Sun, 29 Nov 2026\r\n"
                + "Delivered-To: report@shahid.test\r\nX-Spam-Score: 0.1\r\n" + MAIL;

        assertThat(key(again)).isEqualTo(key(MAIL));
    }

    @Test
    void ignoresLineEndingsAndTrailingBlankLinesThatServersChange() {
        assertThat(key(MAIL.replace("\r\n", "\n") + "\n\n")).isEqualTo(key(MAIL));
    }

    @Test
    void differsWhenTheSameMessageIdCarriesAnotherBody() {
        assertThat(key(MAIL.replace("body", "other body"))).isNotEqualTo(key(MAIL));
    }

    @Test
    void differsWhenAHeaderTheSenderWroteDiffers() {
        assertThat(key(MAIL.replace("Subject: x", "Subject: y"))).isNotEqualTo(key(MAIL));
    }

    @Test
    void keysAMailTooLargeToFetchAlikeInEveryTimeZone() {
        java.util.Date received = new java.util.Date(1_796_000_000_000L);
        String[] messageId = {"<1@example.org>"};
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            MailKey inUtc = MailKey.ofUnfetched("report", "INBOX", 50_000_000, received, messageId);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Baghdad"));
            MailKey inBaghdad = MailKey.ofUnfetched("report", "INBOX", 50_000_000, received, messageId);

            assertThat(inBaghdad).isEqualTo(inUtc);
            assertThat(MailKey.ofUnfetched("report", "INBOX", 50_000_001, received, messageId)).isNotEqualTo(inUtc);
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    private static MailKey key(String mail) {
        return MailKey.of(mail.getBytes(StandardCharsets.UTF_8));
    }
}
