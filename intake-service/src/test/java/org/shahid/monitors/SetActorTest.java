package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class SetActorTest {

    @Test
    void namesARegisteredActorAndPassesToTheCluster() {
        ParsedReply parsed = reply("finding-complete.txt");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.commands().get(0)).isEqualTo(new SetActor("#actor sample-unity-party", "sample-unity-party",
                null));
        assertThat(problemsOn(parsed, TicketStatus.TRIAGED)).isEmpty();
        assertThat(parsed.commands()).allMatch(MonitorCommand::passesToCluster);
    }

    @Test
    void anActorOutsideTheRegisterNeedsAGroupOfTheDeclaration() {
        assertThat(problemsOn(reply("actor-unregistered-with-group.txt"), TicketStatus.NEW)).isEmpty();
        assertThat(problemsOn(reply("actor-unregistered-without-group.txt"), TicketStatus.NEW)).singleElement()
                .asString().startsWith("#actor new-page-of-someone: new-page-of-someone is not in the register;")
                .contains("candidates, platforms, civil-society, media, cmc-ministry, ihec, individuals");
        assertThat(problemsOn(new SetActor("#actor sample-unity-party media", "sample-unity-party", "media"),
                TicketStatus.NEW)).containsExactly(
                "#actor sample-unity-party media: sample-unity-party is registered in the group candidates");
    }
}
