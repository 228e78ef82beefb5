package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.config.ShahidConfiguration;
import org.shahid.scheduling.PurgeSealedIdentities;
import org.shahid.testing.AdminCli;
import org.shahid.testing.AdminCli.Run;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;
import org.shahid.tickets.TicketEventDao;

/**
 * An installation of the previous kind (identity under the server key) is migrated to custodians, keeps answering
 * its reporters, and then is seized: with its database, data folder and keys folder, only the reply addresses of
 * tickets inside their reply window open, nothing else.
 */
class SeizedServerTest {

    private static final String OLD_REPORTER = "layla.hassan@example.org";
    private static final String OPEN_REPORTER = "karim.aziz@example.org";
    private static final String CLOSED_REPORTER = "omar.saleh@example.org";
    private static final String QUARANTINED_REPORTER = "huda.kareem@example.org";
    private static final String NEW_QUARANTINED_REPORTER = "sami.nouri@example.org";
    private static final List<String> IDENTIFYING = List.of(OLD_REPORTER, OPEN_REPORTER, CLOSED_REPORTER, "Layla Hassan",
            "Karim Aziz", "Omar Saleh", "layla.hassan", "karim.aziz", "omar.saleh", "203.0.113.77", "huda.kareem",
            "Huda Kareem", "sami.nouri", "Sami Nouri", "198.51.100.23");
    /** Header blocks over 4 KB are quarantined at once: the quarantined reports of this test have such blocks. */
    private static final Map<String, String> SETTINGS = Map.of("shahid.custodians.kdf-iterations", "20000",
            "shahid.limits.header-bytes", "4096");

    @TempDir
    static Path state;

    private static RunningShahid shahid;
    private static Run firstMigration;
    private static Run secondMigration;

    private static byte[] report(String from, String subject) {
        return TestMails.withAttachment(from, REPORT, subject, "Men with guns stood at polling station 12 all day.",
                StandardCharsets.UTF_8, "photo-notes.pdf", "application/pdf",
                TestMails.pdf("Notes on " + subject));
    }

    private static byte[] withOriginatingIp(byte[] mail) {
        return ("X-Originating-IP: [203.0.113.77]\r\n" + new String(mail, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @BeforeAll
    static void previousVersionThenCustodiansThenMigration() throws Exception {
        shahid = RunningShahid.prepare(state, SETTINGS);
        shahid.startService();
        shahid.deliverRaw(REPORT, withOriginatingIp(report("Layla Hassan <" + OLD_REPORTER + ">", "Guns at school")));
        shahid.awaitReceived(OLD_REPORTER, 1);
        shahid.deliverRaw(REPORT, QuarantinedOriginalsTest.reportWithLongHeaders("Huda Kareem", QUARANTINED_REPORTER,
                "Boxes at school"));
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 1);
        shahid.awaitEvidenceExamined();
        shahid.stopService();
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE custodian_key_id IS NULL")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine WHERE sealed_raw LIKE 'quarantine/%'")).isEqualTo(1);

        Files.writeString(state.resolve("passphrases"), "custodian-one-words\ncustodian-two-words\ncustodian-three\n");
        Run init = AdminCli.run(shahid, "custodians", "init", "--custodians", "3", "--threshold", "2", "--out",
                state.resolve("shares").toString(), "--passphrases", state.resolve("passphrases").toString());
        assertThat(init.exit()).as(init.err()).isZero();

        shahid.startService();
        shahid.deliverRaw(REPORT, withOriginatingIp(report("Karim Aziz <" + OPEN_REPORTER + ">", "Guns at market")));
        shahid.deliverRaw(REPORT, withOriginatingIp(report("Omar Saleh <" + CLOSED_REPORTER + ">", "Guns at mosque")));
        shahid.deliverRaw(REPORT, QuarantinedOriginalsTest.reportWithLongHeaders("Sami Nouri", NEW_QUARANTINED_REPORTER,
                "Boxes at clinic"));
        shahid.awaitReceived(OPEN_REPORTER, 1);
        shahid.awaitReceived(CLOSED_REPORTER, 1);
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 2);
        shahid.awaitEvidenceExamined();
        shahid.stopService();
        try (var connection = shahid.database().connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE ticket SET status = 'CLOSED', updated_at = NOW(3) - INTERVAL 30 DAY"
                    + " WHERE id = (SELECT m.ticket_id FROM ticket_message m WHERE m.subject LIKE '%mosque%' LIMIT 1)");
        }

        firstMigration = AdminCli.run(shahid, "custodians", "migrate");
        secondMigration = AdminCli.run(shahid, "custodians", "migrate");

        try (Database database = Database.open(shahid.settings())) {
            Keyring keyring = Keyring.load(state.resolve("keys"), false);
            new PurgeSealedIdentities(database.jdbi(), new SealedBlobStore(state.resolve("data"), keyring),
                    new TicketEventDao(), ShahidConfiguration.retentionPeriods(shahid.settings()), null,
                    Clock.systemUTC()).purgeDue();
        }
    }

    @AfterAll
    static void stop() {
        shahid.close();
    }

    @Test
    void theMigrationConvertsTheOldRecordsAndIsSafeToRerun() {
        assertThat(firstMigration.exit()).as(firstMigration.err()).isZero();
        assertThat(firstMigration.out()).contains("migrated: 1 identity record(s), 1 original mail(s), 1 evidence"
                + " original(s), 1 quarantined mail(s)");
        assertThat(secondMigration.out()).contains("migrated: 0 identity record(s), 0 original mail(s), 0 evidence"
                + " original(s), 0 quarantined mail(s)");
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine WHERE sealed_raw LIKE 'custodian-quarantine/%'"
                + " AND custodian_key_id IS NOT NULL")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE custodian_key_id IS NULL")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE sealed_raw LIKE 'custodian-mail/%'"))
                .isEqualTo(3);
        Run status = AdminCli.run(shahid, "custodians", "status");
        assertThat(status.out()).contains("identity records 3")
                .contains("under the server key: 0 identity record(s), 0 original mail(s), 0 quarantined mail(s)");
    }

    @Test
    void theMigratedRecordStillUnsealsWithTwoShares() {
        String reference = shahid.text("SELECT reference FROM ticket ORDER BY id LIMIT 1");
        Run request = AdminCli.run(shahid, "unseal", "request", reference, "--reason",
                "Court order 2026/201: the reporter is a witness in the case");
        long id = Long.parseLong(request.out().lines().reduce((first, second) -> second).orElseThrow().strip());
        AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE", "custodian-one-words"), "unseal", "approve",
                String.valueOf(id), "--share", state.resolve("shares/share-1").toString());

        Run second = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE", "custodian-three"), "unseal",
                "approve", String.valueOf(id), "--share", state.resolve("shares/share-3").toString());

        assertThat(second.out()).contains("Layla Hassan <" + OLD_REPORTER + ">").contains("203.0.113.77");
        assertThat(AdminCli.run(shahid, "audit", "verify").exit()).isZero();
    }

    @Test
    void aSeizedServerOpensOnlyTheReplyAddressesOfTicketsInsideTheirReplyWindow() throws Exception {
        Keyring keyring = Keyring.load(state.resolve("keys"), false);
        Sealer sealer = new Sealer(keyring);
        SealedBlobStore blobs = new SealedBlobStore(state.resolve("data"), keyring);
        List<String> opened = new java.util.ArrayList<>();
        try (var connection = shahid.database().connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id, ticket_id, ciphertext, identity_record FROM sealed_identity")) {
            while (rows.next()) {
                String owner = SealedIdentityDao.owner(rows.getLong(2));
                byte[] replyChannel = rows.getBytes(3);
                byte[] record = rows.getBytes(4);
                assertThatThrownBy(() -> sealer.open(record, owner)).isInstanceOf(SealingException.class);
                try {
                    SealedIdentity identity = SealedIdentity.fromBytes(sealer.open(replyChannel, owner));
                    assertThat(identity.displayName()).isEmpty();
                    assertThat(identity.originalHeaders()).isEmpty();
                    opened.add(identity.replyAddress());
                } catch (SealingException closedReplyWindow) {
                    assertThat(replyChannel).isEmpty();
                }
            }
        }
        assertThat(opened).containsExactlyInAnyOrder(OLD_REPORTER, OPEN_REPORTER);

        // Three original mails, three original PDFs and two quarantined mails (one from before the custodians), all
        // sealed to the custodians; every quarantine row names one of them.
        List<String> sealedFiles = List.copyOf(blobs.list().keySet());
        assertThat(sealedFiles).hasSize(8).allMatch(SealedBlobStore::isCustodianSealed);
        try (var connection = shahid.database().connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT sealed_raw FROM quarantine")) {
            while (rows.next()) {
                String key = rows.getString(1);
                assertThat(sealedFiles).contains(key);
                assertThatThrownBy(() -> blobs.read(key)).isInstanceOf(SealingException.class);
            }
        }
        assertThat(sealedFiles).allSatisfy(key -> assertThatThrownBy(() -> blobs.read(key))
                .isInstanceOf(SealingException.class));
        try (Stream<Path> files = Files.walk(state.resolve("data"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(IDENTIFYING).as(file.toString()).noneMatch(content::contains);
            }
        }
        for (String table : List.of("ticket", "ticket_message", "attachment", "attachment_member", "ticket_event",
                "outbox", "sealed_identity", "quarantine", "unseal_audit", "unseal_request", "unseal_pending_share",
                "custodian_key", "evidence_examination", "processed_mail", "intake_attempt")) {
            String dump = shahid.dump(table);
            assertThat(IDENTIFYING).as(table).noneMatch(dump::contains);
        }
    }

    @Test
    void afterTheReplyWindowNothingOnTheServerProducesTheAddressWhileOpenTicketsAreStillAnswered() {
        try (Database database = Database.open(shahid.settings())) {
            SealedIdentityDao identities = new SealedIdentityDao(new Sealer(Keyring.load(state.resolve("keys"), false)));
            List<Long> closed = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT s.id FROM sealed_identity s JOIN ticket t ON t.id = s.ticket_id WHERE t.status = 'CLOSED'")
                    .mapTo(Long.class).list());
            List<Long> open = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT s.id FROM sealed_identity s JOIN ticket t ON t.id = s.ticket_id WHERE t.status = 'NEW'")
                    .mapTo(Long.class).list());

            assertThat(closed).hasSize(1);
            assertThat(open).hasSize(2);
            for (long id : closed) {
                java.util.Optional<SealedIdentity> reply = database.jdbi().withHandle(handle -> identities.open(handle, id));
                assertThat(reply).isEmpty();
            }
            for (long id : open) {
                java.util.Optional<SealedIdentity> reply = database.jdbi().withHandle(handle -> identities.open(handle, id));
                assertThat(reply).isPresent();
            }
        }
        assertThat(shahid.received(OPEN_REPORTER)).hasSize(1);
        assertThat(shahid.received(CLOSED_REPORTER)).hasSize(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE reply_erased_at IS NOT NULL")).isEqualTo(1);
    }
}
