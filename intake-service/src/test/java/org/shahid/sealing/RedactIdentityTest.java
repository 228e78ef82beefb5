package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shahid.parsing.MailLimits;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.ParsedMail;
import org.shahid.testing.TestMails;

/** Redaction of the working copy: realistic English, Arabic and Sorani reports, their signatures and quotes. */
class RedactIdentityTest {

    private final MailParser parser = new MailParser(new MailLimits(20, 25_000_000, 8));
    private final RedactIdentity redact = new RedactIdentity();

    private RedactIdentity.Redacted redacted(String from, String subject, String body, String extraHeaders)
            throws Exception {
        return redact.redact(parser.parse(TestMails.plain(from, "report@shahid.test", subject, body, extraHeaders)));
    }

    @Test
    void replacesTheSendersAddressNameLocalPartAndPhoneInAnEnglishReport() throws Exception {
        RedactIdentity.Redacted mail = redacted("Layla Hassan <layla.hassan@example.org>",
                "Layla Hassan: vote buying at school 12",
                """
                My name is Layla Hassan and I saw men paying voters at school 12 in Karrada.
                You can call me on +964 770 123 4567 or 0770-123-4567, or write to layla.hassan@example.org.
                Layla saw it herself; my username elsewhere is layla.hassan.

                Regards,
                Layla Hassan
                Teacher, Karrada secondary school
                """, "Reply-To: \"L. H.\" <lh.backup@mail.example.net>\r\n");

        assertThat(mail.subject()).isEqualTo("[name]: vote buying at school 12");
        assertThat(mail.text())
                .contains("I saw men paying voters at school 12 in Karrada.")
                .contains("call me on [phone] or [phone], or write to [address].")
                .contains("[name] saw it herself")
                .contains("[signature removed]")
                .doesNotContainIgnoringCase("layla").doesNotContainIgnoringCase("hassan")
                .doesNotContain("770").doesNotContain("Teacher").doesNotContain("lh.backup");
    }

    @Test
    void redactsArabicNamesArabicIndicPhoneNumbersAndAnArabicSignOff() throws Exception {
        RedactIdentity.Redacted mail = redacted(TestMails.encodedWord("أحمد كريم") + " <ahmed.k@example.iq>",
                TestMails.encodedWord("شراء أصوات في الكرادة"),
                """
                السلام عليكم،
                أنا أحمد كريم، شاهدت رجالاً يوزعون المال على الناخبين أمام مدرسة الكرادة.
                رقمي ٠٧٧٠ ١٢٣ ٤٥٦٧ و ۰۷۸۰-۹۸۷-۶۵۴۳ للتواصل.

                مع التحية
                أحمد كريم
                أرسلت من iPhone
                """, "");

        assertThat(mail.subject()).isEqualTo("شراء أصوات في الكرادة");
        assertThat(mail.text())
                .contains("شاهدت رجالاً يوزعون المال على الناخبين أمام مدرسة الكرادة")
                .contains("أنا [name]،")
                .contains("رقمي [phone] و [phone] للتواصل")
                .endsWith("[signature removed]")
                .doesNotContain("أحمد").doesNotContain("كريم").doesNotContain("٤٥٦٧").doesNotContain("iPhone");
    }

    @Test
    void redactsASoraniReportWithKurdishSignOffAndAnInternationalNumber() throws Exception {
        RedactIdentity.Redacted mail = redacted(TestMails.encodedWord("ڕێبوار عەلی") + " <rebwar.ali@example.krd>",
                "Election violation",
                """
                سڵاو، من ڕێبوار عەلیم. لە بنکەی دەنگدانی ژمارە ٧ لە هەولێر کارتی دەنگدان فرۆشرا.
                ژمارەی مۆبایلم: 00964 750 444 3322

                لەگەڵ ڕێزدا
                ڕێبوار
                """, "");

        assertThat(mail.text())
                .contains("لە بنکەی دەنگدانی ژمارە ٧ لە هەولێر کارتی دەنگدان فرۆشرا")
                .contains("ژمارەی مۆبایلم: [phone]")
                .contains("[signature removed]")
                .doesNotContain("ڕێبوار").doesNotContain("3322");
    }

    @Test
    void cutsAtTheRfc3676SeparatorButKeepsASignOffWordEarlyInTheReport() throws Exception {
        RedactIdentity.Redacted mail = redacted("someone@example.org", "Report",
                """
                Thanks
                to a friend I learned that ballot boxes were moved at night.
                The guards did nothing.
                -- 
                Sami, +44 7700 900123
                """, "");

        assertThat(mail.text()).startsWith("Thanks\nto a friend").contains("The guards did nothing.")
                .endsWith("[signature removed]").doesNotContain("7700").doesNotContain("Sami");
    }

    @Test
    void trimsQuotedEarlierMailThatEchoesShahidsAcknowledgement() throws Exception {
        RedactIdentity.Redacted english = redacted("Layla <layla@example.org>", "Re: [SHD-7K3M-Q9XR-2BTA] received",
                """
                Here is the photo of the second polling station.

                On Sat, 28 Nov 2026 at 10:01, Shahid <report@shahid.test> wrote:
                > Thank you. Your report has been received.
                > Reference: SHD-7K3M-Q9XR-2BTA
                > Your receipt code: 1234-5678-9012-3456
                """, "");
        RedactIdentity.Redacted arabic = redacted("x@example.org", "رد",
                """
                هذه صورة إضافية.

                في السبت، ٢٨ نوفمبر ٢٠٢٦، كتب شاهد <report@shahid.test>:
                > شكراً لك. تم استلام بلاغك.
                > المرجع: SHD-7K3M-Q9XR-2BTA
                """, "");
        RedactIdentity.Redacted bare = redacted("x@example.org", "again",
                "One more thing.\n> Reference: SHD-7K3M-Q9XR-2BTA\n> Keep it safe\n", "");

        assertThat(english.text()).contains("photo of the second polling station").contains("[quoted text removed]")
                .doesNotContain("Reference").doesNotContain("wrote:").doesNotContain("1234");
        assertThat(arabic.text()).contains("هذه صورة إضافية").contains("[quoted text removed]")
                .doesNotContain("المرجع").doesNotContain("كتب");
        assertThat(bare.text()).isEqualTo("One more thing.\n[quoted text removed]");
    }

    @Test
    void keepsQuotedTextThatIsEvidenceRatherThanAnEchoOfShahid() throws Exception {
        RedactIdentity.Redacted mail = redacted("x@example.org", "fwd",
                "The candidate posted this:\n> Vote for us or lose your job\nThat is a threat.\n", "");

        assertThat(mail.text()).contains("> Vote for us or lose your job").contains("That is a threat.");
    }

    @Test
    void redactsReceiptCodesInSubjectAndText() throws Exception {
        RedactIdentity.Redacted mail = redacted("other@example.net", "Code 1234 5678 9012 3456",
                "my code is ١٢٣٤-٥٦٧٨-٩٠١٢-٣٤٥٦\nmore evidence attached\n", "");

        assertThat(mail.subject()).isEqualTo("Code [receipt code]");
        assertThat(mail.text()).startsWith("my code is [receipt code]");
    }

    @Test
    void givesTheHtmlCopyTheSameTrimmingAsTheTextAndNoneOfItsMarkup() throws Exception {
        ParsedMail mail = parser.parse(TestMails.htmlOnly("Layla Hassan <layla.hassan@example.org>", "report@shahid.test",
                "Report", "<p>Men paid voters at school 12.</p><p>Regards,<br>Layla Hassan<br>"
                        + "<a href=\"https://wa.me/9647701234567\">WhatsApp me</a><br>"
                        + "<img src=\"https://tracker.example/p.gif\"> Sent from my iPhone</p>"));

        RedactIdentity.Redacted redacted = redact.redact(mail);

        assertThat(redacted.html()).startsWith("<div dir=\"auto\">").contains("Men paid voters at school 12.")
                .contains("[signature removed]").doesNotContainIgnoringCase("layla").doesNotContain("wa.me")
                .doesNotContain("9647701234567").doesNotContain("<a ").doesNotContain("<img").doesNotContain("iPhone");
    }

    @Test
    void readsAddressHeadersFromTheirFirstEightKilobytesOnly() throws Exception {
        String padding = "x".repeat(RedactIdentity.MAX_HEADER_CHARS);
        ParsedMail mail = parser.parse(TestMails.plain("Layla <layla@example.org>", "report@shahid.test", "Report",
                "Write to hidden.tail@example.net or layla@example.org.",
                "Reply-To: Backup <lh.backup@example.net>, " + padding + " <hidden.tail@example.net>\r\n"));

        RedactIdentity.Redacted redacted = redact.redact(mail);

        // What the first 8 KB name is redacted; an address past them is not read as the sender's.
        assertThat(RedactIdentity.termsOf(mail).addresses()).contains("lh.backup@example.net", "layla@example.org")
                .doesNotContain("hidden.tail@example.net");
        assertThat(redacted.text()).contains("[address].");
    }

    @Test
    void findsReceiptCodesInAnyDigitScript() {
        assertThat(ReceiptCode.findIn("x", "code: ۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶")).contains(new ReceiptCode("1234-5678-9012-3456"));
        assertThat(ReceiptCode.findIn("1234567890123456", "")).contains(new ReceiptCode("1234-5678-9012-3456"));
        assertThat(ReceiptCode.findIn("no code 12345", "0770 123 4567")).isEmpty();
        assertThat(ReceiptCode.random().value()).matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}");
    }

    @Test
    void staysFastWithAHostileHeaderOfThousandsOfAddressesAndAMegabyteOfText() throws Exception {
        StringBuilder replyTo = new StringBuilder("Reply-To: ");
        for (int i = 0; i < 5000; i++) {
            replyTo.append(i == 0 ? "" : ", ").append("Name").append(i).append(" <a").append(i).append("@example.net>");
        }
        String body = "Men paid voters at school 12, write to layla@example.org. ".repeat(18_000);
        ParsedMail mail = parser.parse(TestMails.plain("Layla <layla@example.org>", "report@shahid.test", "Report",
                body, replyTo + "\r\n"));

        RedactIdentity.Redacted redacted = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> redact.redact(mail));

        assertThat(redacted.text()).doesNotContain("layla@example.org").contains("write to [address].");
    }

    /** A probe, not a check: prints redaction throughput. Run with -Dtest='RedactIdentityTest#measure*' -Dshahid.measure=true. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "shahid.measure", matches = "true")
    void measureThroughputOnARealisticArabicReport() throws Exception {
        ParsedMail mail = parser.parse(TestMails.plain(TestMails.encodedWord("أحمد كريم") + " <ahmed.k@example.iq>",
                "report@shahid.test", "Report", ("أنا أحمد كريم، شاهدت رجالاً يوزعون المال على الناخبين أمام مدرسة الكرادة."
                        + " رقمي ٠٧٧٠ ١٢٣ ٤٥٦٧.\n").repeat(20) + "\nمع التحية\nأحمد كريم\n", ""));
        for (int i = 0; i < 500; i++) {
            redact.redact(mail);
        }
        int runs = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            redact.redact(mail);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        System.out.printf("redaction: %.1f us per %d-char mail, %.0f mails/s on one core%n", micros,
                mail.text().length(), 1_000_000 / micros);
        assertThat(micros).isPositive();
    }
}
