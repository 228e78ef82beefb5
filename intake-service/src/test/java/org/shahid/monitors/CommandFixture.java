package org.shahid.monitors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.shahid.findings.ActorRegister;
import org.shahid.findings.Declaration;
import org.shahid.findings.FindingDao;
import org.shahid.findings.MonitoringData;
import org.shahid.findings.Platforms;
import org.shahid.language.Language;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketKind;
import org.shahid.tickets.TicketReference;
import org.shahid.tickets.TicketStatus;

/** Reads a monitor's reply from {@code monitor-commands/} and checks its commands against a ticket in a status. */
final class CommandFixture {

    static final Path ROSTER = Path.of("monitoring/monitors.yaml");
    static final Path CATEGORIES = Path.of("monitoring/categories.yaml");
    static final MonitoringData MONITORING = monitoring();
    static final CommandProblemWording WORDING = CommandProblemWording.load(Path.of("templates"));

    private CommandFixture() {
    }

    private static MonitoringData monitoring() {
        Declaration declaration = Declaration.load(Path.of("monitoring/declaration.yaml"));
        return new MonitoringData(declaration, ActorRegister.load(Path.of("monitoring/actors.yaml"), declaration),
                Platforms.load(Path.of("monitoring/platforms.yaml")));
    }

    static ParsedReply reply(String fixture) {
        try (InputStream in = CommandFixture.class.getResourceAsStream("/monitor-commands/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return ParsedReply.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only command of a fixture, which must parse without problems. */
    static MonitorCommand command(String fixture) {
        ParsedReply reply = reply(fixture);
        if (!reply.problems().isEmpty() || reply.commands().size() != 1) {
            throw new AssertionError(fixture + ": " + reply);
        }
        return reply.commands().get(0);
    }

    /** The problems as an English-reading monitor is told them. */
    static List<String> inEnglish(List<CommandProblem> problems) {
        return WORDING.word(problems, Language.ENGLISH);
    }

    /** What {@link MonitorCommand#check} says about the command on a ticket in this status (no database needed). */
    static List<String> problemsOn(MonitorCommand command, TicketStatus status) {
        return problemsOn(new ParsedReply(List.of(command), List.of(), ""), status);
    }

    /** What each command of the reply says, in the reply's context (no database needed while no command asks). */
    static List<String> problemsOn(ParsedReply reply, TicketStatus status) {
        List<CommandProblem> problems = new ArrayList<>();
        for (MonitorCommand command : reply.commands()) {
            command.check(scope(status, reply), status, problems);
        }
        return inEnglish(problems);
    }

    static TicketStatus statusAfter(MonitorCommand command, TicketStatus status) {
        return command.check(scope(status, new ParsedReply(List.of(command), List.of(), "")), status,
                new ArrayList<>());
    }

    private static CommandScope scope(TicketStatus status, ParsedReply reply) {
        Ticket ticket = new Ticket(1, new TicketReference("SHD-7K3M-Q9XR-2BTA"), TicketKind.REPORT, "report",
                status, "ar", "pseudonym", false, Instant.EPOCH, Instant.EPOCH);
        ApplyCommands.Parts parts = new ApplyCommands.Parts(Roster.load(ROSTER), Categories.load(CATEGORIES), null,
                null, null, null, null, null, null, null, MONITORING, new FindingDao(), null, null, "");
        return new CommandScope(null, ticket, reply, null, null, parts);
    }
}
