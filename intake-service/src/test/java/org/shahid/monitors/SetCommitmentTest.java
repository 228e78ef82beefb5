package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class SetCommitmentTest {

    @Test
    void acceptsACommitmentOfTheActorsGroup() {
        assertThat(problemsOn(reply("finding-complete.txt"), TicketStatus.TRIAGED)).isEmpty();
    }

    @Test
    void refusesACommitmentOfAnotherGroupAndListsTheRightOnes() {
        assertThat(problemsOn(reply("commitment-of-another-group.txt"), TicketStatus.TRIAGED)).containsExactly(
                "#commitment candidates-no-hate-speech: candidates-no-hate-speech is a commitment of candidates,"
                        + " and the actor is of media; its commitments: media-accurate-balanced-coverage,"
                        + " media-no-hate-speech, media-label-paid-content");
    }

    @Test
    void refusesACommitmentTheDeclarationDoesNotHave() {
        ParsedReply parsed = ParsedReply.of("#actor sample-unity-party\n#commitment be-nice");
        assertThat(problemsOn(parsed, TicketStatus.TRIAGED))
                .containsExactly("#commitment be-nice: no commitment be-nice in the declaration");
    }
}
