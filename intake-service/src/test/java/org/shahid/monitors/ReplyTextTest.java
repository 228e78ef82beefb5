package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One fixture per mail client: the quoted notification and the signature never count as new text. */
class ReplyTextTest {

    private static final String NEW = "#status investigating\nWe are looking into it.";
    private static final String QUOTED_BODY = "> Reference:  SHD-7K3M-Q9XR-2BTA\n> Reporter:   R-7F3KQ9XR2B\n> secret report text\n";

    @Test
    void dropsGmailAttributionAndQuote() {
        assertThat(ReplyText.newText(NEW + "\n\nOn Mon, 2 Jun 2025 at 10:12, Shahid <monitors+SHD-7K3M-Q9XR-2BTA-0123456789abcdef@shahid.test>\nwrote:\n\n" + QUOTED_BODY))
                .isEqualTo(NEW);
    }

    @Test
    void dropsAppleMailAttributionAndSignature() {
        assertThat(ReplyText.newText(NEW + "\n\nSent from my iPhone\n\n> On 2 Jun 2025, at 10:12, Shahid <monitors@shahid.test> wrote:\n" + QUOTED_BODY))
                .isEqualTo(NEW);
        assertThat(ReplyText.newText(NEW + "\n\nOn 2 Jun 2025, at 10:12, Shahid <monitors@shahid.test> wrote:\n\n" + QUOTED_BODY))
                .isEqualTo(NEW);
    }

    @Test
    void dropsThunderbirdAttributionAndDashDashSignature() {
        assertThat(ReplyText.newText(NEW + "\n-- \nMonitor One\n+964 770 000 0000\n\nOn 02/06/2025 10:12, Shahid wrote:\n" + QUOTED_BODY))
                .isEqualTo(NEW);
    }

    @Test
    void dropsOutlookOriginalMessageAndHeaderBlock() {
        assertThat(ReplyText.newText(NEW + "\n\n-----Original Message-----\nFrom: Shahid <monitors@shahid.test>\nSent: Monday, June 2, 2025 10:12 AM\nsecret report text"))
                .isEqualTo(NEW);
        assertThat(ReplyText.newText(NEW + "\n\n________________________________\nFrom: Shahid <monitors@shahid.test>\nSent: Monday\nsecret report text"))
                .isEqualTo(NEW);
        assertThat(ReplyText.newText(NEW + "\n\nFrom: Shahid <monitors@shahid.test>\nSent: Monday, June 2, 2025 10:12 AM\nTo: Monitor One\nsecret report text"))
                .isEqualTo(NEW);
    }

    @Test
    void dropsArabicGmailAttribution() {
        String arabic = "#status investigating\nنحن نتحقق من البلاغ.";
        assertThat(ReplyText.newText(arabic + "\n\nفي الاثنين، ٢ يونيو ٢٠٢٥ في ١٠:١٢ ص كتب Shahid <monitors@shahid.test>:\n\n" + QUOTED_BODY))
                .isEqualTo(arabic);
        assertThat(ReplyText.newText(arabic + "\n\nفي ٢ يونيو ٢٠٢٥، الساعة ١٠:١٢ ص، كتب Shahid <monitors@shahid.test>:\n" + QUOTED_BODY))
                .isEqualTo(arabic);
    }

    @Test
    void dropsSoraniAttribution() {
        String sorani = "سوپاس، لێکۆڵینەوە دەکەین.";
        assertThat(ReplyText.newText(sorani + "\n\nلە دووشەممە، ٢ی حوزەیرانی ٢٠٢٥ Shahid <monitors@shahid.test> نووسی:\n" + QUOTED_BODY))
                .isEqualTo(sorani);
    }

    @Test
    void dropsBareQuotedLinesButKeepsTheRest() {
        assertThat(ReplyText.newText("> quoted\nnew line\n> more quoted")).isEqualTo("new line");
    }
}
