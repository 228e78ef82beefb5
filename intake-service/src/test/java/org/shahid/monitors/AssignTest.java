package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;
import static org.shahid.monitors.CommandFixture.problemsOn;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class AssignTest {

    @Test
    void acceptsSomeoneOnTheRoster() {
        MonitorCommand assign = command("assign-roster-address.txt");
        assertThat(assign).isEqualTo(new Assign("#assign monitor2@shahid.test", "monitor2@shahid.test"));
        assertThat(problemsOn(assign, TicketStatus.NEW)).isEmpty();
    }

    @Test
    void refusesAnAddressNotOnTheRoster() {
        assertThat(problemsOn(command("assign-not-on-roster.txt"), TicketStatus.NEW))
                .containsExactly("#assign stranger@example.org: stranger@example.org is not on the roster");
    }
}
