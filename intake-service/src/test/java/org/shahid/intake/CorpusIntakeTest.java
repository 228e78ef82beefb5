package org.shahid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.config.ShahidConfiguration;
import org.shahid.sealing.Keyring;
import org.shahid.testing.TestDatabase;
import org.shahid.tickets.TicketKind;

/**
 * Every hostile mail of ../shared/corpus goes through intake as the mailbox route would feed it (bounded
 * attempts, then quarantine) against the real MariaDB: each ends as a ticket or a quarantine entry with a
 * reason, and the service never stops.
 */
class CorpusIntakeTest {

    @TempDir
    static Path state;

    private static TestDatabase testDatabase;
    private static Database database;
    private static IngestMail ingestMail;

    @BeforeAll
    static void wire() {
        testDatabase = TestDatabase.create();
        Settings settings = Settings.load(Map.of(), Map.of(
                "shahid.home", Path.of("").toAbsolutePath().toString(),
                "shahid.db.url", testDatabase.url(),
                "shahid.db.user", testDatabase.settings().get("shahid.db.user"),
                "shahid.db.password", testDatabase.settings().get("shahid.db.password"),
                "shahid.keys.dir", state.resolve("keys").toString(),
                "shahid.data-dir", state.resolve("data").toString()));
        database = Database.open(settings);
        ingestMail = ShahidConfiguration.wire(settings, database, Keyring.load(state.resolve("keys"), true),
                ShahidConfiguration.loadTemplates(settings.home()), Clock.systemUTC()).ingestMail();
    }

    @AfterAll
    static void drop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void turnsEveryCorpusMailIntoATicketOrAQuarantineEntryWithAReason() throws Exception {
        List<Path> corpus = corpusFiles();
        Mailbox report = new Mailbox("report", "report@shahid.test", TicketKind.REPORT);
        List<String> unexpected = new ArrayList<>();
        Set<MailKey> distinct = new HashSet<>();
        int quarantined = 0;
        for (Path file : corpus) {
            byte[] raw = Files.readAllBytes(file);
            distinct.add(MailKey.of(raw));
            IngestMail.Disposition disposition = null;
            for (int poll = 0; poll < 5 && disposition == null; poll++) {
                try {
                    disposition = ingestMail.handle(report, raw);
                } catch (IntakeFailure stillInTheInbox) {
                    // The next poll tries again, as the mailbox route would.
                } catch (RuntimeException | Error e) {
                    unexpected.add(file.getFileName() + ": " + e);
                    break;
                }
            }
            if (disposition == null) {
                unexpected.add(file.getFileName() + ": neither processed nor quarantined after 5 polls");
            } else if (disposition == IngestMail.Disposition.QUARANTINED) {
                quarantined++;
            }
        }

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(241);
        assertThat(unexpected).isEmpty();
        long processed = count("SELECT COUNT(*) FROM processed_mail");
        assertThat(processed).isEqualTo(distinct.size());
        assertThat(count("SELECT COUNT(*) FROM processed_mail WHERE outcome IN ('TICKET', 'FOLLOW_UP')")
                + count("SELECT COUNT(*) FROM quarantine")).isEqualTo(processed);
        assertThat(count("SELECT COUNT(*) FROM quarantine")).isEqualTo(quarantined);
        assertThat(count("SELECT COUNT(*) FROM quarantine WHERE TRIM(reason) = ''")).isZero();
        System.out.printf("corpus: %d files, %d distinct mails, %d tickets, %d quarantined%n", corpus.size(),
                distinct.size(), count("SELECT COUNT(*) FROM ticket"), quarantined);
    }

    static List<Path> corpusFiles() throws Exception {
        String configured = System.getenv("SHAHID_CORPUS_DIR");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList();
        }
    }

    private static long count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
