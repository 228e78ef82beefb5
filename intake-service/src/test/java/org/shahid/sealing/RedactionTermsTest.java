package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The rules that take a reporter out of a text: their terms, identifying links, phone numbers, IP addresses. */
class RedactionTermsTest {

    private final RedactionTerms layla = new RedactionTerms(List.of("layla.hassan@example.org"),
            List.of("Layla Hassan", "Layla", "Hassan", "layla.hassan"));

    @ParameterizedTest
    @ValueSource(strings = {"+964 770 123 4567", "+9647701234567", "00964 770 123 4567", "00964 (0)770 123 4567",
            "964 770 123 4567", "9647701234567", "964-770-123-4567", "0770 123 4567", "07701234567", "0770-123-4567",
            "(0770) 123 4567", "٠٧٧٠ ١٢٣ ٤٥٦٧", "۰۷۷۰۱۲۳۴۵۶۷", "+٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧", "٩٦٤٧٧٠١٢٣٤٥٦٧", "01 717 1234",
            "+44 20 7946 0958", "0044 20 7946 0958", "+1 (202) 555-0143"})
    void replacesPhoneNumbersInEveryCommonFormAndScript(String phone) {
        String redacted = RedactionTerms.NONE.replaceIn("call me on " + phone + " after six");

        assertThat(redacted).isEqualTo("call me on [phone] after six");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://wa.me/9647701234567", "wa.me/9647701234567", "http://api.whatsapp.com/send?phone=9647701234567",
            "tel:+9647701234567", "tel:07701234567", "mailto:someone@example.net", "viber://chat?number=9647701234567",
            "https://t.me/+9647701234567", "sms:07701234567"})
    void removesLinksThatDialChatOrMailSomeone(String link) {
        String redacted = RedactionTerms.NONE.replaceIn("reach me: " + link + " thanks");

        assertThat(redacted).isEqualTo("reach me: [link removed] thanks");
    }

    @Test
    void removesProfileLinksOfTheSenderButKeepsEvidenceLinks() {
        String redacted = layla.replaceIn("""
                The video: https://youtube.com/watch?v=xLAYLAy1 and https://facebook.com/candidate.page/posts/1
                My profile: https://facebook.com/layla.hassan and instagram.com/Layla_Hassan/
                """);

        assertThat(redacted)
                .contains("https://youtube.com/watch?v=xLAYLAy1")
                .contains("https://facebook.com/candidate.page/posts/1")
                .contains("My profile: [link removed] and [link removed]")
                .doesNotContainIgnoringCase("layla_hassan").doesNotContainIgnoringCase("facebook.com/layla");
    }

    @Test
    void replacesIpAddressesOfBothVersionsButNotTimesOrDates() {
        String redacted = RedactionTerms.NONE.replaceIn("""
                My IP is 192.0.2.77 and at home 2001:db8:85a3::8a2e:370:7334 or fe80::1.
                Full form 2001:0db8:0000:0000:0000:ff00:0042:8329, loopback ::1.
                At 10:30:45 on 01.02.2024 at school 12, version 3.2.
                """);

        assertThat(redacted)
                .contains("My IP is [ip] and at home [ip] or [ip].")
                .contains("Full form [ip], loopback [ip].")
                .contains("At 10:30:45 on 01.02.2024 at school 12, version 3.2.");
    }

    @Test
    void redactsNamesAndNumbersInFileNames() {
        assertThat(layla.replaceInFileName("Layla_Hassan_national_ID.jpg")).isEqualTo("[name]_national_ID.jpg");
        assertThat(layla.replaceInFileName("hassan-07701234567.pdf")).isEqualTo("[name]-[phone].pdf");
        assertThat(layla.replaceInFileName("ballot-box-photo.jpg")).isEqualTo("ballot-box-photo.jpg");
    }

    @Test
    void survivesSealingAsLines() {
        RedactionTerms copy = RedactionTerms.fromLines(layla.asLines());

        assertThat(copy).isEqualTo(layla);
        assertThat(copy.replaceIn("Layla Hassan wrote from layla.hassan@example.org"))
                .isEqualTo("[name] wrote from [address]");
    }
}
