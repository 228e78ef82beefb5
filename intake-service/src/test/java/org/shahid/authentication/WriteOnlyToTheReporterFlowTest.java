package org.shahid.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * Acknowledgements go only to a strictly parsed From, and a sender's flood reaches neither its inbox nor the
 * monitors beyond the hourly caps; end to end through intake's entry point, the outbox, GreenMail and MariaDB.
 */
class WriteOnlyToTheReporterFlowTest {

    private static final Mailbox REPORT = new Mailbox("report", RunningShahid.REPORT, TicketKind.REPORT);

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.monitors.notifications-per-sender-per-hour", "2",
                "shahid.ack.per-sender-per-hour", "3"));
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    private void ingest(String from, String body) {
        shahid.service().beans().ingestMail().handle(REPORT, TestMails.plain(from, RunningShahid.REPORT, "Report", body));
    }

    @Test
    void answersOnlyAnAddressWrittenExactlyAsOneMailbox() {
        ingest("Test test@example.com", "Ballot stuffing at the school.");
        ingest("<power quadrant system@example.com>", "Ballot stuffing at the school.");
        ingest("=?iso-8859-1?Q?B=FCrling, Hans?= <hans@example.de>", "Ballot stuffing at the school.");
        ingest("<name@yahoo.com.>", "Ballot stuffing at the school.");
        ingest("=?iso-8859-1?Q?B=FCrling?= <buerling@example.de>", "Ballot stuffing at the school.");

        shahid.awaitReceived("buerling@example.de", 1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(5);
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'ACKNOWLEDGEMENT_SUPPRESSED'"
                + " AND detail LIKE 'no valid reply address%'")).isEqualTo(4);
        for (String invented : new String[] {"testtest@example.com", "test@example.com",
                "powerquadrantsystem@example.com", "=?iso-8859-1?Q?B=FCrling", "hans@example.de", "name@yahoo.com",
                "name@yahoo.com."}) {
            assertThat(shahid.received(invented)).as(invented).isEmpty();
        }
        assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.find("shahid.ack.suppressed")
                .tag("reason", "NO_VALID_ADDRESS").counter().count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFloodFromVariantsOfOneAddressIsCappedForTheInboxAndTheMonitors() {
        String[] variants = {"victim@gmail.com", "victim+1@gmail.com", "v.ictim@gmail.com", "Victim+2@googlemail.com",
            "vi.ctim+3@gmail.com"};
        for (String variant : variants) {
            ingest("Flood <" + variant + ">", "Forged report in the victim's name.");
        }
        // Intake's entry point returns after the commit: every row it queued is there.
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'")).isEqualTo(3);
        // Two of five tickets notified, to each of the two monitors on the roster; three held for the digest.
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'MONITOR_NOTIFICATION'")).isEqualTo(4);
        assertThat(shahid.count("SELECT COUNT(*) FROM monitor_notice_held")).isEqualTo(3);

        assertThat(shahid.service().beans().monitors().sendDigest().send()).isEqualTo(2);
        String digest = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST' LIMIT 1");
        shahid.text("SELECT GROUP_CONCAT(t.reference) FROM monitor_notice_held h JOIN ticket t ON t.id = h.ticket_id")
                .lines().flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .forEach(reference -> assertThat(digest).contains(reference));
        assertThat(shahid.count("SELECT COUNT(*) FROM monitor_notice_held WHERE digested_at IS NULL")).isZero();
        assertThat(shahid.dump("send_limit_window")).doesNotContainIgnoringCase("victim").doesNotContain("gmail");
    }
}
