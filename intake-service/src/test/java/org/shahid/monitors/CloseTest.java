package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;
import static org.shahid.monitors.CommandFixture.statusAfter;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class CloseTest {

    @Test
    void finishesAndClosesInOneStep() {
        MonitorCommand close = command("close-resolved.txt");
        assertThat(close.isVerdict()).isTrue();
        assertThat(statusAfter(close, TicketStatus.INVESTIGATING)).isEqualTo(TicketStatus.CLOSED);
        assertThat(statusAfter(close, TicketStatus.RESOLVED)).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void cannotResolveATicketNobodyInvestigated() {
        assertThat(problemsOn(command("close-resolved.txt"), TicketStatus.NEW)).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).startsWith("#close resolved: "));
    }

    @Test
    void explainsAnUnknownEnding() {
        assertThat(CommandFixture.inEnglish(reply("close-unknown-ending.txt").problems()))
                .containsExactly("#close later: closes as resolved or rejected only");
    }
}
