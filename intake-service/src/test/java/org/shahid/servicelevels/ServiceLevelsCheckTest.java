package org.shahid.servicelevels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxDao;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketEventDao;

/** Reminders and escalations of service levels on a real ticket, with a clock the test moves. */
class ServiceLevelsCheckTest {

    @TempDir
    Path state;

    @Test
    void remindsTheRosterBeforeTheLimitThenEscalatesToTheLeadsOnceAndRecordsTheBreach() {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("late@example.org", RunningShahid.REPORT,
                    "Ballot stuffing", "At the school in the north."));
            shahid.awaitCount("SELECT COUNT(*) FROM ticket", 1);
            Instant received = Instant.parse(shahid.text("SELECT DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ')"
                    + " FROM ticket"));
            String reference = shahid.text("SELECT reference FROM ticket");
            MovableClock clock = new MovableClock(received);
            // report@, unclassified: first action within 12h, reminded 2h before (monitoring/service-levels.yaml)
            CheckServiceLevels check = new CheckServiceLevels(shahid.service().database().jdbi(),
                    ServiceLevels.load(Path.of("monitoring/service-levels.yaml")),
                    ServiceLevelTemplates.load(Path.of("templates")), shahid.service().beans().monitors().roster(),
                    new OutboxDao(), new MessageIds("shahid.test"), new TicketEventDao(), RunningShahid.MONITORS,
                    clock);

            clock.set(received.plus(Duration.ofHours(9)));
            assertThat(check.check()).isZero();

            clock.set(received.plus(Duration.ofHours(10)).plusSeconds(60));
            assertThat(check.check()).isEqualTo(1);
            assertThat(check.check()).isZero();
            // unassigned: the whole roster, each in their first language (monitor1 en, monitor2 ckb)
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'SLA_REMINDER'")).isEqualTo(2);
            assertThat(shahid.text("SELECT subject FROM outbox WHERE purpose = 'SLA_REMINDER'"
                    + " AND recipient_address = 'monitor1@shahid.test'")).startsWith("[" + reference + "]")
                    .contains("Reminder");
            assertThat(shahid.text("SELECT subject FROM outbox WHERE purpose = 'SLA_REMINDER'"
                    + " AND recipient_address = 'monitor2@shahid.test'")).contains("بیرخستنەوە");
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket_event WHERE kind = 'SLA_BREACHED'")).isZero();

            clock.set(received.plus(Duration.ofHours(12)));
            assertThat(check.check()).isEqualTo(1);
            assertThat(check.check()).isZero();
            // the leads only (monitor1), and the breach on the ticket
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'SLA_ESCALATION'")).isEqualTo(1);
            assertThat(shahid.text("SELECT recipient_address FROM outbox WHERE purpose = 'SLA_ESCALATION'"))
                    .isEqualTo("monitor1@shahid.test");
            assertThat(shahid.text("SELECT detail FROM ticket_event WHERE kind = 'SLA_BREACHED'"))
                    .isEqualTo("first-action");

            // and in the digest
            shahid.service().beans().monitors().sendDigest().send();
            assertThat(shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST'"
                    + " AND recipient_address = 'monitor1@shahid.test'"))
                    .contains("missed a service level").contains(reference + "  first action overdue");

            // and in the transparency report (exact counts with --min-count 1)
            org.shahid.testing.AdminCli.Run report = org.shahid.testing.AdminCli.run(shahid, "report", "--format",
                    "csv", "--min-count", "1");
            assertThat(report.exit()).as(report.err()).isZero();
            assertThat(report.out()).contains("service_levels,first action later than promised,reports,1")
                    .contains("service_levels,resolution later than promised,reports,0");
        }
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
