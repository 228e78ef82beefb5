package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.intake.Mailbox;
import org.shahid.monitors.ApplyMonitorReply.Outcome;
import org.shahid.monitors.ReplyMac;
import org.shahid.sealing.Keyring;
import org.shahid.sealing.Pseudonymizer;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketKind;
import org.shahid.tickets.TicketReference;

/**
 * Forged senders, strict reply addresses, floods and bounces, end to end through intake's and the monitors' entry points,
 * the outbox, GreenMail and MariaDB, under the settings `run` insists on (an authserv-id, no opt-out). One service
 * for the class: every test works on tickets and senders of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SenderRulesFlowTest {

    private static final Mailbox REPORT = new Mailbox("report", RunningShahid.REPORT, TicketKind.REPORT);
    private static final String MONITOR1 = "monitor1@shahid.test";
    private static final String MONITOR2 = "monitor2@shahid.test";
    private static final String OURS = "Authentication-Results: mx.shahid.test; dkim=pass header.d=shahid.test"
            + " header.s=2026\r\n";

    @TempDir
    static Path state;

    private RunningShahid shahid;
    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
            new ch.qos.logback.core.read.ListAppender<>();

    @BeforeAll
    void start() {
        log.start();
        rootLogger().addAppender(log);
        shahid = RunningShahid.prepare(state, Map.of("shahid.mail.authserv-id", "mx.shahid.test",
                "shahid.monitors.allow-unauthenticated", "false",
                "shahid.monitors.notifications-per-sender-per-hour", "2", "shahid.ack.per-sender-per-hour", "3"));
        shahid.startService();
    }

    @AfterAll
    void stop() {
        shahid.close();
        rootLogger().detachAppender(log);
    }

    private static ch.qos.logback.classic.Logger rootLogger() {
        return (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Shahid's log so far; GreenMail logs in this JVM as the reporters' mail provider, which is not Shahid's log. */
    private String shahidsLog() {
        StringBuilder text = new StringBuilder();
        for (var event : java.util.List.copyOf(log.list)) {
            if (!event.getLoggerName().startsWith("com.icegreen.greenmail")) {
                text.append(event.getFormattedMessage()).append('\n');
            }
        }
        return text.toString();
    }

    private long ingest(String from, String body) {
        shahid.service().beans().ingestMail().handle(REPORT, TestMails.plain(from, RunningShahid.REPORT, "Report", body));
        return shahid.count("SELECT MAX(id) FROM ticket");
    }

    private String referenceOf(long ticket) {
        return shahid.text("SELECT reference FROM ticket WHERE id = " + ticket);
    }

    private MimeMessage notificationTo(String monitor, String reference) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> shahid.received(monitor).stream()
                .filter(mail -> subjectOf(mail).startsWith("[" + reference + "]")).toList(), list -> !list.isEmpty())
                .get(0);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String replyTo(MimeMessage notification) throws Exception {
        return notification.getReplyTo()[0].toString();
    }

    private Outcome reply(String from, String to, String subject, String extraHeaders, String body) {
        return shahid.service().beans().monitors().applyMonitorReply()
                .handle(TestMails.plain(from, to, subject, body, extraHeaders));
    }

    private String lastReason() {
        return shahid.text("SELECT reason FROM monitor_reply_audit ORDER BY id DESC LIMIT 1");
    }

    private String stateOf(long ticket) {
        return shahid.text("SELECT CONCAT(t.status, '/', COALESCE(tt.assignee, '-'), '/', (SELECT COUNT(*) FROM"
                + " ticket_event e WHERE e.ticket_id = t.id), '/', (SELECT COUNT(*) FROM outbox o WHERE o.ticket_id"
                + " = t.id)) FROM ticket t LEFT JOIN ticket_triage tt ON tt.ticket_id = t.id WHERE t.id = " + ticket);
    }

    @Test
    void anUnauthenticatedReplyFromARosterAddressChangesNothing() throws Exception {
        long ticket = ingest("Noor Saleh <noor.saleh@example.org>", "Cash for votes at the school in Karrada.");
        MimeMessage notification = notificationTo(MONITOR1, referenceOf(ticket));
        String before = stateOf(ticket);
        String forgedBelowForeign = "Authentication-Results: relay.example.net; none\r\n"
                + "Authentication-Results: mx.shahid.test; dkim=fail header.d=shahid.test\r\n"
                + "Authentication-Results: mx.shahid.test; dmarc=pass header.from=shahid.test\r\n";
        String spfOnly = "Authentication-Results: mx.shahid.test; spf=pass smtp.mailfrom=monitor1@shahid.test\r\n";
        String subject = "Re: " + notification.getSubject();

        assertThat(reply(MONITOR1, replyTo(notification), subject, "",
                "#status investigating\n#assign me\nPlease confirm your identity at https://evil.example/login"))
                .isEqualTo(Outcome.REFUSED);
        assertThat(lastReason()).startsWith("not authenticated");
        assertThat(reply(MONITOR1, replyTo(notification), subject, forgedBelowForeign, "#close rejected\nspam"))
                .isEqualTo(Outcome.REFUSED);
        assertThat(reply(MONITOR1, replyTo(notification), subject, spfOnly, "#status investigating"))
                .isEqualTo(Outcome.REFUSED);

        assertThat(stateOf(ticket)).isEqualTo(before);
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("NEW");

        assertThat(reply("Monitor One <" + MONITOR1 + ">", replyTo(notification), subject, OURS,
                "#status investigating\n#assign me")).isEqualTo(Outcome.APPLIED);
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("INVESTIGATING");
    }

    @Test
    void aKeyWorksOnlyForTheMonitorItWasIssuedTo() throws Exception {
        long ticket = ingest("Sara Ali <sara.ali@example.org>", "Fake accounts post pictures of the candidate.");
        String reference = referenceOf(ticket);
        MimeMessage toMonitor1 = notificationTo(MONITOR1, reference);
        MimeMessage toMonitor2 = notificationTo(MONITOR2, reference);
        assertThat(replyTo(toMonitor1)).isNotEqualTo(replyTo(toMonitor2));
        String monitor2Auth = "Authentication-Results: mx.shahid.test; dmarc=pass header.from=shahid.test\r\n";

        assertThat(reply(MONITOR2, replyTo(toMonitor1), "Re: " + toMonitor1.getSubject(), monitor2Auth,
                "#status investigating")).isEqualTo(Outcome.REFUSED);
        assertThat(lastReason()).contains("MAC does not match");
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("NEW");

        assertThat(reply(MONITOR2, replyTo(toMonitor2), "Re: " + toMonitor2.getSubject(), monitor2Auth,
                "#status investigating")).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void anExpiredKeyGetsARefusalWithAFreshKey() throws Exception {
        long ticket = ingest("Omar Aziz <omar.aziz@example.org>", "Ballot box removed at noon.");
        TicketReference reference = new TicketReference(referenceOf(ticket));
        notificationTo(MONITOR1, reference.value());
        Clock fortyDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC);
        ReplyMac issuedThen = new ReplyMac(new Pseudonymizer(Keyring.load(state.resolve("keys"), false)),
                RunningShahid.MONITORS, true, fortyDaysAgo, Duration.ofDays(30));
        String oldAddress = issuedThen.replyAddress(reference, MONITOR1);

        assertThat(reply(MONITOR1, oldAddress, "Re: [" + reference.value() + "]", OURS, "#status investigating"))
                .isEqualTo(Outcome.REFUSED);
        assertThat(lastReason()).isEqualTo("reply key expired");
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("NEW");
        MimeMessage fresh = await().atMost(Duration.ofSeconds(60)).until(() -> shahid.received(MONITOR1).stream()
                .filter(mail -> subjectOf(mail).startsWith("[" + reference.value() + "] Reply key expired")).toList(),
                list -> !list.isEmpty()).get(0);
        assertThat(replyTo(fresh)).isNotEqualTo(oldAddress);

        assertThat(reply(MONITOR1, replyTo(fresh), "Re: " + fresh.getSubject(), OURS, "#status investigating"))
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void answersOnlyAnAddressWrittenExactlyAsOneMailbox() {
        long first = shahid.count("SELECT COALESCE(MAX(id), 0) FROM ticket");
        double suppressedBefore = suppressed("NO_VALID_ADDRESS");
        ingest("Test test@example.com", "Ballot stuffing at the school.");
        ingest("<power quadrant system@example.com>", "Ballot stuffing at the school.");
        ingest("=?iso-8859-1?Q?B=FCrling, Hans?= <hans@example.de>", "Ballot stuffing at the school.");
        ingest("<name@yahoo.com.>", "Ballot stuffing at the school.");
        ingest("=?iso-8859-1?Q?B=FCrling?= <buerling@example.de>", "Ballot stuffing at the school.");

        shahid.awaitReceived("buerling@example.de", 1);
        String mine = " AND ticket_id > " + first;
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'" + mine)).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'ACKNOWLEDGEMENT_SUPPRESSED'"
                + " AND detail LIKE 'no valid reply address%'" + mine)).isEqualTo(4);
        for (String invented : new String[] {"testtest@example.com", "test@example.com",
                "powerquadrantsystem@example.com", "=?iso-8859-1?Q?B=FCrling", "hans@example.de", "name@yahoo.com",
                "name@yahoo.com."}) {
            assertThat(shahid.received(invented)).as(invented).isEmpty();
        }
        assertThat(suppressed("NO_VALID_ADDRESS") - suppressedBefore).isEqualTo(4);
    }

    private static double suppressed(String reason) {
        var counter = Metrics.globalRegistry.find("shahid.ack.suppressed").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aFloodFromVariantsOfOneAddressIsCappedForTheInboxAndTheMonitors() {
        long first = shahid.count("SELECT COALESCE(MAX(id), 0) FROM ticket");
        for (String variant : new String[] {"victim@gmail.com", "victim+1@gmail.com", "v.ictim@gmail.com",
            "Victim+2@googlemail.com", "vi.ctim+3@gmail.com"}) {
            ingest("Flood <" + variant + ">", "Forged report in the victim's name.");
        }
        String mine = " AND ticket_id > " + first;
        // Intake's entry point returns after the commit: every row it queued is there.
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'" + mine)).isEqualTo(3);
        // Two of five tickets notified, to each of the two monitors on the roster; three held for the digest.
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_NOTIFICATION'" + mine))
                .isEqualTo(4);
        assertThat(shahid.count("SELECT COUNT(*) FROM monitor_notice_held WHERE digested_at IS NULL" + mine))
                .isEqualTo(3);

        assertThat(shahid.service().beans().monitors().sendDigest().send()).isEqualTo(2);
        String digest = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST' ORDER BY id DESC"
                + " LIMIT 1");
        Arrays.stream(shahid.text("SELECT GROUP_CONCAT(t.reference) FROM monitor_notice_held h JOIN ticket t"
                + " ON t.id = h.ticket_id WHERE t.id > " + first).split(","))
                .forEach(reference -> assertThat(digest).contains(reference));
        assertThat(shahid.count("SELECT COUNT(*) FROM monitor_notice_held WHERE digested_at IS NULL")).isZero();
        assertThat(shahid.dump("send_limit_window")).doesNotContainIgnoringCase("victim").doesNotContain("gmail");
    }

    private static final java.util.List<String> REPORT_TOKENS = java.util.List.of("layla", "hassan", "karim",
            "jabbar", "User unknown", "mailbox is full", "over quota", "Mail Delivery", "mx.example.org",
            "MAILER-DAEMON");

    private static double deliveryReports(String kind) {
        var counter = Metrics.globalRegistry.find("shahid.outbox.delivery.report").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private String ackMessageId(long ticket) {
        return shahid.text("SELECT message_id FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND ticket_id = " + ticket);
    }

    private String ticketTables() {
        return shahid.dump("ticket") + shahid.dump("ticket_message") + shahid.dump("ticket_event")
                + shahid.dump("attachment");
    }

    /** The bounce and the delay notice of an acknowledgement: they mark its outbox row, and reach nothing else. */
    @Test
    void bouncesAndDelaysOfAcknowledgementsMarkTheOutboxAndNothingElse() throws Exception {
        String layla = "layla.hassan@example.org";
        String karim = "karim.jabbar@example.org";
        double bouncedBefore = deliveryReports("BOUNCED");
        double delayedBefore = deliveryReports("DELAYED");
        long laylaTicket = ingest("Layla Hassan <" + layla + ">", "They paid 50,000 dinars per vote at the school.");
        long karimTicket = ingest("Karim Jabbar <" + karim + ">", "The ballot box left the polling station at noon.");
        MimeMessage ack = shahid.awaitReceived(layla, 1).get(0);
        shahid.awaitReceived(karim, 1);
        notificationTo(MONITOR1, referenceOf(karimTicket));
        String verp = ack.getHeader("Return-Path", null).replaceAll("[<>]", "").strip();
        assertThat(verp).matches("bounces\\+[0-9]+-[0-9a-f]{12}@shahid\\.test");
        String before = ticketTables();

        shahid.deliverRaw(RunningShahid.REPORT, org.shahid.outbound.DeliveryReportTest.fixture(
                "gmail-delayed-over-quota.eml", ackMessageId(laylaTicket), verp));
        shahid.awaitCount("SELECT delay_notices FROM outbox WHERE message_id = '" + ackMessageId(laylaTicket) + "'", 1);
        assertThat(shahid.text("SELECT status FROM outbox WHERE message_id = '" + ackMessageId(laylaTicket) + "'"))
                .isEqualTo("SENT");

        shahid.deliverRaw(RunningShahid.BOUNCES, org.shahid.outbound.DeliveryReportTest.fixture(
                "postfix-user-unknown.eml", "not-shahids@elsewhere.example", verp));
        shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE status = 'BOUNCED' AND message_id = '"
                + ackMessageId(laylaTicket) + "'", 1);

        shahid.service().beans().ingestMail().handle(REPORT, org.shahid.outbound.DeliveryReportTest.fixture(
                "exim-mailbox-full.eml", ackMessageId(karimTicket), ""));
        assertThat(shahid.text("SELECT status FROM outbox WHERE message_id = '" + ackMessageId(karimTicket) + "'"))
                .isEqualTo("BOUNCED");

        assertThat(ticketTables()).isEqualTo(before);
        String tables = ticketTables() + shahid.dump("outbox") + shahid.dump("send_limit_window");
        for (String token : REPORT_TOKENS) {
            assertThat(tables).as(token).doesNotContainIgnoringCase(token);
        }
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_NOTIFICATION' AND ticket_id IN ("
                + laylaTicket + ", " + karimTicket + ")")).isEqualTo(4);
        assertThat(shahidsLog()).contains("Delivery report: outbox mail").contains("is delayed");
        String logAndMetrics = shahidsLog() + org.shahid.kernel.IntakeMetrics.prometheus().scrape();
        for (String token : REPORT_TOKENS) {
            assertThat(logAndMetrics).as(token).doesNotContainIgnoringCase(token);
        }
        for (MimeMessage toMonitor : shahid.received(MONITOR1)) {
            String text = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(toMonitor);
            for (String token : REPORT_TOKENS) {
                assertThat(text).as(token).doesNotContainIgnoringCase(token);
            }
        }
        assertThat(shahid.service().database().jdbi().withHandle(new org.shahid.outbound.OutboxTotals()::line))
                .contains("BOUNCED 2").contains("delay notices 1");
        assertThat(deliveryReports("BOUNCED") - bouncedBefore).isEqualTo(2);
        assertThat(deliveryReports("DELAYED") - delayedBefore).isEqualTo(1);
    }
}
