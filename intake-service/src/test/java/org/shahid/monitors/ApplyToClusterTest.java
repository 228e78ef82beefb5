package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.reply;
import static org.shahid.monitors.CommandFixture.statusAfter;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class ApplyToClusterTest {

    @Test
    void passesOnlyTheVerdictToLinkedTickets() {
        ParsedReply parsed = reply("cluster-with-verdict.txt");
        assertThat(parsed.appliesToCluster()).isTrue();
        assertThat(parsed.verdictOnly().commands()).containsExactly(new Close("#close rejected", "rejected"));
        assertThat(statusAfter(parsed.commands().get(0), TicketStatus.NEW)).isEqualTo(TicketStatus.NEW);
    }
}
