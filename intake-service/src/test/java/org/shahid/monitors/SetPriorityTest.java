package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class SetPriorityTest {

    @Test
    void readsAKnownPriority() {
        MonitorCommand priority = command("priority-urgent.txt");
        assertThat(priority).isEqualTo(new SetPriority("#priority urgent", "urgent"));
        assertThat(problemsOn(priority, TicketStatus.NEW)).isEmpty();
    }

    @Test
    void needsAPriority() {
        assertThat(CommandFixture.inEnglish(reply("priority-missing.txt").problems()))
                .containsExactly("#priority: needs a priority: low, normal, high or urgent");
    }
}
