package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;
import static org.shahid.monitors.CommandFixture.statusAfter;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class RejectTest {

    @Test
    void readsTheDuplicateOfARejection() {
        MonitorCommand reject = command("reject-duplicate.txt");
        assertThat(reject).isEqualTo(
                new Reject("#reject duplicate [SHD-7K3M-Q9XR-2BTA]", "duplicate", "SHD-7K3M-Q9XR-2BTA"));
        assertThat(reject.isVerdict()).isTrue();
    }

    @Test
    void rejectsAnOpenTicketButNotAClosedOne() {
        Reject reject = new Reject("#reject spam", "spam", null);
        assertThat(statusAfter(reject, TicketStatus.TRIAGED)).isEqualTo(TicketStatus.REJECTED);
        assertThat(problemsOn(reject, TicketStatus.CLOSED)).singleElement().asString().startsWith("#reject spam: ");
    }

    @Test
    void needsAReason() {
        assertThat(CommandFixture.inEnglish(reply("reject-without-reason.txt").problems()))
                .containsExactly("#reject: needs a reason, e.g. #reject duplicate SHD-…");
    }
}
