package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class SetSeverityTest {

    @Test
    void readsTheSeverity() {
        assertThat(reply("finding-complete.txt").commands()).contains(new SetSeverity("#severity high", "high"));
    }

    @Test
    void explainsAnUnknownSeverity() {
        assertThat(CommandFixture.inEnglish(reply("verdict-and-severity-unknown.txt").problems())).contains(
                "#severity extreme: unknown severity; use low, medium or high");
        assertThat(problemsOn(new SetSeverity("#severity low", "low"), TicketStatus.CLOSED)).isEmpty();
    }
}
