package org.shahid.monitors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketStatus;

/**
 * {@code #note …}: an internal note. It makes the whole reply internal: {@link ParsedReply} adds the rest of the
 * reply to the note, and nothing is relayed to the reporter.
 */
public record AddNote(String written,
                      @NotBlank(message = "note-missing")
                      @Size(max = 900, message = "note-too-long") String text)
        implements MonitorCommand {

    private static final int STORED_CHARACTERS = 1000;

    static AddNote parse(String written, String argument) {
        return new AddNote(written, argument);
    }

    /** The note with the rest of the reply after it. */
    AddNote followedBy(String rest) {
        return new AddNote(written, (text + "\n" + rest).strip());
    }

    @Override
    public TicketStatus apply(CommandScope scope, TicketStatus status) {
        scope.record(TicketEventKind.NOTE, text.length() <= STORED_CHARACTERS ? text : text.substring(0,
                STORED_CHARACTERS));
        return status;
    }
}
