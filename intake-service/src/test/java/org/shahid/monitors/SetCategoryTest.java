package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.monitors.CommandFixture.command;
import static org.shahid.monitors.CommandFixture.problemsOn;
import static org.shahid.monitors.CommandFixture.reply;

import org.junit.jupiter.api.Test;
import org.shahid.tickets.TicketStatus;

class SetCategoryTest {

    @Test
    void acceptsACategoryOfTheRules() {
        MonitorCommand category = command("category-known.txt");
        assertThat(category).isEqualTo(new SetCategory("#category fake-accounts", "fake-accounts"));
        assertThat(problemsOn(category, TicketStatus.TRIAGED)).isEmpty();
    }

    @Test
    void refusesACategoryTheRulesDoNotKnow() {
        assertThat(problemsOn(new SetCategory("#category weather", "weather"), TicketStatus.TRIAGED))
                .singleElement().asString().startsWith("#category weather: unknown category; known: ")
                .contains("fake-accounts");
        assertThat(reply("category-badly-written.txt").problems()).isEmpty();
        assertThat(reply("category-badly-written.txt").commands()).containsExactly(
                new SetCategory("#category Made Up", "made"));
    }
}
