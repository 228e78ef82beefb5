package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.monitors.TriageDao;
import org.shahid.testing.TestDatabase;

/**
 * The mapping of member names as it is stored and read back for the monitors' notification: at every depth, for
 * the attachment's copy and for each embedded member's own copy, and for rows recorded before the table existed.
 */
class MemberRenamingsTest {

    private static final Instant NOW = Instant.parse("2026-05-09T10:00:00Z");

    private static TestDatabase database;
    private static Database schema;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        schema = Database.open(Settings.load(Map.of(), database.settings()));
    }

    @AfterAll
    static void drop() {
        schema.close();
        database.close();
    }

    @Test
    void anOldRowsRenamingsAreReadFromItsRemovedMetadataWhenTheTableHasNone() {
        List<Map<String, String>> listed = schema.jdbi().inTransaction(handle -> {
            long message = message(handle);
            handle.createUpdate("""
                            INSERT INTO attachment (ticket_id, message_id, file_name, declared_type, size_bytes, sha256,
                                                    kept, removed_metadata, examined, created_at)
                            VALUES (:ticket, :message, 'old.zip', 'application/zip', 100, :sha, TRUE, :removed, TRUE,
                                    :now)""")
                    .bind("ticket", ticketOf(handle, message)).bind("message", message).bind("sha", "c".repeat(64))
                    .bind("removed", "Zip:comment,Member:EXIF:GPSLatitude,Member:Renamed:1-11111111.jpg=deep.jpg,"
                            + "Renamed:1-0a1b2c3d.zip=inner.zip,Renamed:2-0e0f1a2b.txt=notes from [phone].txt")
                    .bind("now", NOW).execute();
            return renamedOf(handle, message);
        });

        // An old record of a deeper member does not say which archive holds it: only the attachment's own are listed.
        assertThat(listed).containsExactly(Map.of("copyName", "1-0a1b2c3d.zip", "name", "inner.zip"),
                Map.of("copyName", "2-0e0f1a2b.txt", "name", "notes from [phone].txt"));
    }

    @Test
    void everyDepthIsStoredWholeAndListedByItsPathInTheCopy() {
        EmbeddedMember innerZip = new EmbeddedMember("d".repeat(64), 300, "application/zip", "inner.zip",
                "evidence/" + "d".repeat(64), "e".repeat(64), 200L,
                List.of("Zip:comment", "Renamed:1-aaaaaaaa.zip=deepest.zip", "Renamed:1-aaaaaaaa.zip/1-bbbbbbbb.txt="
                        + "x".repeat(120), "Member:Zip:comment"), List.of());
        EvidenceFile outer = new EvidenceFile("outer.zip", "application/zip", "application/zip", 500, "f".repeat(64),
                "evidence/" + "f".repeat(64), true, null, List.of(), "0".repeat(64), 400L,
                List.of("Renamed:1-cccccccc.zip=inner.zip", "Renamed:1-cccccccc.zip/1-aaaaaaaa.zip=deepest.zip",
                        "Renamed:1-cccccccc.zip/1-aaaaaaaa.zip/1-bbbbbbbb.txt=" + "x".repeat(120),
                        "Member:Zip:comment"),
                null, false, List.of(innerZip));

        List<Map<String, String>> listed = schema.jdbi().inTransaction(handle -> {
            long message = message(handle);
            new AttachmentDao().insert(handle, AttachmentDao.NewAttachment.of(ticketOf(handle, message), message,
                    outer), NOW);
            long attachment = handle.createQuery("SELECT id FROM attachment WHERE message_id = :message")
                    .bind("message", message).mapTo(Long.class).one();
            long member = handle.createQuery("SELECT id FROM attachment_member WHERE attachment_id = :attachment")
                    .bind("attachment", attachment).mapTo(Long.class).one();
            assertThat(handle.createQuery("SELECT removed_metadata FROM attachment_member WHERE id = :id")
                    .bind("id", member).mapTo(String.class).one()).isEqualTo("Zip:comment,Member:Zip:comment");
            assertThat(MemberRenamings.ofMember(handle, member)).extracting(MemberRenamings.Renaming::pathInCopy,
                    MemberRenamings.Renaming::originalName).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("1-aaaaaaaa.zip", "deepest.zip"),
                    org.assertj.core.groups.Tuple.tuple("1-aaaaaaaa.zip/1-bbbbbbbb.txt", "x".repeat(120)));
            return renamedOf(handle, message);
        });

        assertThat(listed).containsExactly(Map.of("copyName", "1-cccccccc.zip", "name", "inner.zip"),
                Map.of("copyName", "1-cccccccc.zip/1-aaaaaaaa.zip", "name", "deepest.zip"),
                Map.of("copyName", "1-cccccccc.zip/1-aaaaaaaa.zip/1-bbbbbbbb.txt", "name", "x".repeat(120)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> renamedOf(Handle handle, long message) {
        return (List<Map<String, String>>) new TriageDao().evidenceOf(handle, message).get(0).get("renamed");
    }

    private static long message(Handle handle) {
        long ticket = handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        VALUES (:reference, 'REPORT', 'report', 'NEW', 'ar', 'R-TEST', FALSE, :now, :now)""")
                .bind("reference", "SHD-" + Long.toHexString(System.nanoTime()).toUpperCase())
                .bind("now", NOW).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return handle.createUpdate("""
                        INSERT INTO ticket_message (ticket_id, direction, subject, body_text, language, created_at)
                        VALUES (:ticket, 'IN', 'evidence', 'see the zip', 'ar', :now)""")
                .bind("ticket", ticket).bind("now", NOW).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long ticketOf(Handle handle, long message) {
        return handle.createQuery("SELECT ticket_id FROM ticket_message WHERE id = :id").bind("id", message)
                .mapTo(Long.class).one();
    }
}
