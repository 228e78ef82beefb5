package org.shahid.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;

class TicketMessageDaoTest {

    @Test
    void cutsABodyTooLongForTheColumnAndSaysSo() {
        try (TestDatabase testDatabase = TestDatabase.create();
             Database database = Database.open(Settings.load(Map.of(), Map.of(
                     "shahid.home", Path.of("").toAbsolutePath().toString(),
                     "shahid.db.url", testDatabase.url(),
                     "shahid.db.user", testDatabase.settings().get("shahid.db.user"),
                     "shahid.db.password", testDatabase.settings().get("shahid.db.password"))))) {
            String arabic = "ش".repeat(TicketMessageDao.MAX_BODY_CHARS + 500_000);

            String stored = database.jdbi().inTransaction(handle -> {
                long ticketId = new TicketDao().insert(handle, TicketReference.random(), TicketKind.REPORT, "report",
                        "ar", "R-0000000000", false, Instant.now());
                long id = new TicketMessageDao().insert(handle, new TicketMessageDao.NewMessage(ticketId, "IN", "s",
                        arabic, null, "ar", false, null, null), Instant.now());
                return handle.createQuery("SELECT body_text FROM ticket_message WHERE id = :id").bind("id", id)
                        .mapTo(String.class).one();
            });

            assertThat(stored).hasSize(TicketMessageDao.MAX_BODY_CHARS + TicketMessageDao.CUT_MARK.length())
                    .endsWith(TicketMessageDao.CUT_MARK);
        }
    }
}
