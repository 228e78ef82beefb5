package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;
import static org.shahid.monitors.CommandFixture.statusAfter;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class SetStatusTest {

    @Test
    void movesAlongTheLifecycleAndRelaysTheRest() {
        ParsedReply parsed = reply("status-investigating.txt");
        assertThat(parsed.commands()).containsExactly(new SetStatus("#status investigating", "investigating"));
        assertThat(parsed.relay()).isEqualTo("We are looking into it.");
        assertThat(statusAfter(parsed.commands().get(0), TicketStatus.NEW)).isEqualTo(TicketStatus.INVESTIGATING);
        assertThat(parsed.commands().get(0).isVerdict()).isFalse();
    }

    @Test
    void refusesAStepTheLifecycleDoesNotAllow() {
        assertThat(problemsOn(command("status-investigating.txt"), TicketStatus.CLOSED)).singleElement()
                .asString().startsWith("#status investigating: ");
    }

    @Test
    void explainsAnUnknownStatus() {
        assertThat(CommandFixture.inEnglish(reply("status-unknown.txt").problems())).containsExactly(
                "#status finished: unknown status; use triaged, investigating, resolved, rejected or closed");
    }
}
