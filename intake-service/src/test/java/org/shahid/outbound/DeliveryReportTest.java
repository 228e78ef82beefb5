package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shahid.testing.TestMails;

public class DeliveryReportTest {

    /** A fixture of {@code /bounces/} about the mail {@code messageId}, addressed to {@code verp}. */
    public static byte[] fixture(String name, String messageId, String verp) throws IOException {
        try (InputStream in = DeliveryReportTest.class.getResourceAsStream("/bounces/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{{MESSAGE_ID}}", messageId).replace("{{VERP}}", verp)
                    .replace("{{REPORTER}}", "layla.hassan@example.org").replace("{{REFERENCE}}", "SHD-7K3M-Q9XR-2BTA");
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void readsAnRfc3464FailureWithItsQuotedHeaders() throws IOException {
        DeliveryReport report = DeliveryReport.read(fixture("postfix-user-unknown.eml", "ack-1@shahid.test",
                "bounces+7-0123456789ab@shahid.test"));
        assertThat(report.isReport()).isTrue();
        assertThat(report.delayOnly()).isFalse();
        assertThat(report.quotedMessageIds()).containsExactly("ack-1@shahid.test");
    }

    @Test
    void readsAnRfc3464DelayAsADelay() throws IOException {
        DeliveryReport report = DeliveryReport.read(fixture("gmail-delayed-over-quota.eml", "ack-2@shahid.test", ""));
        assertThat(report.isReport()).isTrue();
        assertThat(report.delayOnly()).isTrue();
        assertThat(report.quotedMessageIds()).containsExactly("ack-2@shahid.test");
    }

    @Test
    void readsAPlainTextBounceOfExim() throws IOException {
        DeliveryReport report = DeliveryReport.read(fixture("exim-mailbox-full.eml", "ack-3@shahid.test", ""));
        assertThat(report.isReport()).isTrue();
        assertThat(report.delayOnly()).isFalse();
        assertThat(report.quotedMessageIds()).containsExactly("ack-3@shahid.test");
    }

    @Test
    void aPersonQuotingShahidsMailIsNoReport() {
        byte[] forwarded = TestMails.plain("Layla <layla.hassan@example.org>", "report@shahid.test",
                "Fwd: [SHD-7K3M-Q9XR-2BTA] Your report was received",
                "Why did it fail?\n\nMessage-ID: <ack-1@shahid.test>\nSubject: delivery failed\n");
        assertThat(DeliveryReport.read(forwarded).isReport()).isFalse();
        assertThat(DeliveryReport.read("not a mail at all".getBytes(StandardCharsets.US_ASCII)).isReport()).isFalse();
    }
}
