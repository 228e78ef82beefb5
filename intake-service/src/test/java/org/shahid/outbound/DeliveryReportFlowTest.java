package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.intake.Mailbox;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketKind;

/**
 * The bounce and the delay notice of acknowledgements, end to end: the acknowledgement leaves with a VERP envelope
 * sender; a bounce at the bounces mailbox, a delay notice and an Exim bounce at report@ mark their outbox rows, and
 * nothing of them reaches a ticket table or a monitor.
 */
class DeliveryReportFlowTest {

    private static final Mailbox REPORT = new Mailbox("report", RunningShahid.REPORT, TicketKind.REPORT);
    private static final String LAYLA = "layla.hassan@example.org";
    private static final String KARIM = "karim.jabbar@example.org";
    private static final List<String> TOKENS = List.of("layla", "hassan", "karim", "jabbar", "User unknown",
            "mailbox is full", "over quota", "Mail Delivery", "mx.example.org", "MAILER-DAEMON");

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of());
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private double reports(String kind) {
        var counter = Metrics.globalRegistry.find("shahid.outbox.delivery.report").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private String ackMessageId(String reference) {
        return shahid.text("SELECT o.message_id FROM outbox o JOIN ticket t ON t.id = o.ticket_id"
                + " WHERE o.purpose = 'ACKNOWLEDGEMENT' AND t.reference = '" + reference + "'");
    }

    @Test
    void bouncesAndDelaysOfAcknowledgementsMarkTheOutboxAndNothingElse() throws Exception {
        double bouncedBefore = reports("BOUNCED");
        double delayedBefore = reports("DELAYED");
        shahid.service().beans().ingestMail().handle(REPORT, TestMails.plain("Layla Hassan <" + LAYLA + ">",
                RunningShahid.REPORT, "Vote buying", "They paid 50,000 dinars per vote at the school."));
        shahid.service().beans().ingestMail().handle(REPORT, TestMails.plain("Karim Jabbar <" + KARIM + ">",
                RunningShahid.REPORT, "Ballot box", "The ballot box left the polling station at noon."));
        MimeMessage ack = shahid.awaitReceived(LAYLA, 1).get(0);
        shahid.awaitReceived(KARIM, 1);
        shahid.awaitReceived("monitor1@shahid.test", 2);
        String verp = ack.getHeader("Return-Path", null).replaceAll("[<>]", "").strip();
        assertThat(verp).matches("bounces\\+[0-9]+-[0-9a-f]{12}@shahid\\.test");
        String laylaTicket = shahid.text("SELECT reference FROM ticket WHERE id = (SELECT MIN(id) FROM ticket)");
        String karimTicket = shahid.text("SELECT reference FROM ticket WHERE id = (SELECT MAX(id) FROM ticket)");
        String before = shahid.dump("ticket") + shahid.dump("ticket_message") + shahid.dump("ticket_event")
                + shahid.count("SELECT COUNT(*) FROM attachment");

        String delayRaw = new String(DeliveryReportTest.fixture("gmail-delayed-over-quota.eml",
                ackMessageId(laylaTicket), verp)).replace("layla.hassan@example.org", LAYLA);
        shahid.deliverRaw(RunningShahid.REPORT, delayRaw.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        shahid.awaitCount("SELECT delay_notices FROM outbox WHERE message_id = '" + ackMessageId(laylaTicket) + "'", 1);
        assertThat(shahid.text("SELECT status FROM outbox WHERE message_id = '" + ackMessageId(laylaTicket) + "'"))
                .isEqualTo("SENT");

        shahid.deliverRaw(RunningShahid.BOUNCES, DeliveryReportTest.fixture("postfix-user-unknown.eml",
                "not-shahids@elsewhere.example", verp));
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE status = 'BOUNCED' AND message_id = '"
                + ackMessageId(laylaTicket) + "'", 1);

        shahid.service().beans().ingestMail().handle(REPORT, DeliveryReportTest.fixture("exim-mailbox-full.eml",
                ackMessageId(karimTicket), ""));
        assertThat(shahid.text("SELECT status FROM outbox WHERE message_id = '" + ackMessageId(karimTicket) + "'"))
                .isEqualTo("BOUNCED");

        String after = shahid.dump("ticket") + shahid.dump("ticket_message") + shahid.dump("ticket_event")
                + shahid.count("SELECT COUNT(*) FROM attachment");
        assertThat(after).isEqualTo(before);
        String tables = shahid.dump("ticket") + shahid.dump("ticket_message") + shahid.dump("ticket_event")
                + shahid.dump("attachment") + shahid.dump("outbox") + shahid.dump("send_limit_window");
        for (String token : TOKENS) {
            assertThat(tables).as(token).doesNotContainIgnoringCase(token);
        }
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_NOTIFICATION'")).isEqualTo(4);
        for (MimeMessage toMonitor : shahid.received("monitor1@shahid.test")) {
            String text = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(toMonitor);
            for (String token : TOKENS) {
                assertThat(text).as(token).doesNotContainIgnoringCase(token);
            }
        }
        assertThat(reports("BOUNCED") - bouncedBefore).isEqualTo(2);
        assertThat(reports("DELAYED") - delayedBefore).isEqualTo(1);
    }
}
