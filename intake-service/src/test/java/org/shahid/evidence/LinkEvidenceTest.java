package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketKind;
import org.shahid.tickets.TicketReference;

/** Evidence links on a real MariaDB with the migrations applied. */
class LinkEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void linksAPostReportedManyTimesOnlyToItsTwentyMostRecentReportsWhileEveryReportKeepsItsKey() {
        try (TestDatabase testDatabase = TestDatabase.create();
             Database database = Database.open(Settings.load(Map.of(), Map.of(
                     "shahid.home", Path.of("").toAbsolutePath().toString(),
                     "shahid.db.url", testDatabase.url(),
                     "shahid.db.user", testDatabase.user(),
                     "shahid.db.password", testDatabase.password())))) {
            LinkEvidence linkEvidence = new LinkEvidence(20);
            List<Long> tickets = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                tickets.add(database.jdbi().inTransaction(handle -> {
                    long ticket = new TicketDao().insert(handle, TicketReference.random(), TicketKind.REPORT,
                            "report", "en", "R-0000000000", false, NOW);
                    linkEvidence.link(handle, ticket, "Seen here: https://x.com/candidate/status/42?s=20",
                            List.of(), NOW);
                    return ticket;
                }));
            }
            long last = tickets.get(24);

            List<Long> linkedFromLast = longs(database, "SELECT linked_ticket_id FROM evidence_link"
                    + " WHERE ticket_id = " + last + " ORDER BY linked_ticket_id");
            assertThat(linkedFromLast).hasSize(20).containsExactlyElementsOf(tickets.subList(4, 24));
            assertThat(longs(database, "SELECT ticket_id FROM evidence_link WHERE linked_ticket_id = " + last
                    + " ORDER BY ticket_id")).containsExactlyElementsOf(linkedFromLast);
            assertThat(longs(database, "SELECT COUNT(*) FROM evidence_key WHERE kind = 'URL'")).containsExactly(25L);
            // The first twenty link to everyone before them; each later one to its twenty predecessors.
            assertThat(longs(database, "SELECT COUNT(*) FROM evidence_link")).containsExactly(2L * (190 + 5 * 20));
        }
    }

    private static List<Long> longs(Database database, String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).list());
    }
}
