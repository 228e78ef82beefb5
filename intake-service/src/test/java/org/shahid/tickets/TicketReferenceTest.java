package org.shahid.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketReferenceTest {

    @Test
    void makesReferencesThatMatchTheContractPatternAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = TicketReference.random().value();
            assertThat(reference).matches("SHD-[A-Z0-9-]+");
            assertThat(seen.add(reference)).isTrue();
        }
    }

    @Test
    void findsTheBracketedReferenceInAReplySubject() {
        TicketReference reference = TicketReference.random();

        assertThat(TicketReference.findIn("Re: Fwd: [" + reference + "] Your report was received")).contains(reference);
        assertThat(TicketReference.findIn("re: [" + reference.value().toLowerCase() + "]")).contains(reference);
    }

    @Test
    void ignoresReferencesWithoutBracketsOrOfTheWrongShape() {
        assertThat(TicketReference.findIn("about SHD-AAAA-BBBB-CCCC")).isEmpty();
        assertThat(TicketReference.findIn("[SHD-1]")).isEmpty();
        assertThat(TicketReference.findIn(null)).isEmpty();
    }
}
