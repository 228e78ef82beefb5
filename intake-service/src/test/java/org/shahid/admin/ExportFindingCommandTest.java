package org.shahid.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.testing.TestDatabase;
import picocli.CommandLine;

/** An exported evidence package verifies with sha256sum -c and carries nothing of the reporter. */
class ExportFindingCommandTest {

    private static final Instant REPORTED = Instant.parse("2026-05-09T10:00:00Z");
    private static final String REFERENCE = "SHD-7K3M-Q9XR-2BTA";
    private static final List<String> IDENTIFYING = List.of("Layla", "layla", "R-SECRET", REFERENCE,
            "monitor1@", "called her brother");

    @TempDir
    Path state;

    private TestDatabase database;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();
    private String photoCopy;

    @BeforeEach
    void writeFinding() throws IOException {
        database = TestDatabase.create();
        Path scratch = Files.createDirectories(state.resolve("scratch"));
        ScrubbedCopyStore copies = new ScrubbedCopyStore(state.resolve("data"));
        photoCopy = copies.put(Files.write(scratch.resolve("photo"), "scrubbed JPEG bytes".getBytes())).sha256();
        String pdfCopy = copies.put(Files.write(scratch.resolve("pdf"), "%PDF-1.7 scrubbed".getBytes())).sha256();
        try (Database schema = Database.open(Settings.load(Map.of(), database.settings()))) {
            schema.jdbi().useTransaction(handle -> dataSet(handle, pdfCopy));
        }
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private void dataSet(Handle handle, String pdfCopy) {
        long ticket = handle.createUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        VALUES (:reference, 'REPORT', 'report', 'RESOLVED', 'ar', 'R-SECRET1', FALSE, :at, :at)""")
                .bind("reference", REFERENCE).bind("at", REPORTED)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        long message = handle.createUpdate("""
                        INSERT INTO ticket_message (ticket_id, direction, subject, body_text, language, created_at)
                        VALUES (:ticket, 'IN', 'from Layla', 'Layla Hassan saw this', 'ar', :at)""")
                .bind("ticket", ticket).bind("at", REPORTED).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        attachment(handle, ticket, message, "layla-hassan-photo.jpg", "image/jpeg", "a".repeat(64), photoCopy, null);
        attachment(handle, ticket, message, "statement by Layla.pdf", "application/pdf", "b".repeat(64), pdfCopy, null);
        attachment(handle, ticket, message, "layla.exe", "application/x-msdownload", "c".repeat(64), null,
                "executable");
        handle.execute("""
                INSERT INTO finding (ticket_id, actor_id, actor_group, commitment_id, verdict, verdict_at, severity,
                                     updated_at)
                VALUES (?, 'sample-unity-party', 'candidates', 'candidates-no-hate-speech', 'VIOLATION', ?, 'HIGH', ?)""",
                ticket, REPORTED.plusSeconds(3600), REPORTED);
        for (String[] event : new String[][] {{"reporter R-SECRET1", "OPENED", "by mail to report"},
                {"monitor1@shahid.test", "NOTE", "called her brother"},
                {"monitor1@shahid.test", "ACTOR_SET", "sample-unity-party (candidates)"},
                {"monitor1@shahid.test", "VERDICT_SET", "violation"}}) {
            handle.execute("INSERT INTO ticket_event (ticket_id, occurred_at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
                    ticket, REPORTED, event[0], event[1], event[2]);
        }
    }

    private static void attachment(Handle handle, long ticket, long message, String name, String type, String sha256,
                                   String copy, String flags) {
        handle.execute("""
                INSERT INTO attachment (ticket_id, message_id, file_name, declared_type, size_bytes, sha256, kept,
                                        flags, scrubbed_sha256, scrubbed_size, created_at)
                VALUES (?, ?, ?, ?, 100, ?, TRUE, ?, ?, 20, ?)""", ticket, message, name, type, sha256, flags, copy,
                REPORTED);
    }

    private int export(Path zip) {
        CommandLine commandLine = ShahidCommand.commandLine(Map.of("SHAHID_DB_URL", database.url(),
                "SHAHID_DB_USER", database.user(), "SHAHID_DB_PASSWORD", database.password(),
                "SHAHID_DATA_DIR", state.resolve("data").toString()));
        commandLine.setErr(new PrintWriter(stderr, true));
        commandLine.setOut(new PrintWriter(stdout, true));
        return commandLine.execute("findings", "export", REFERENCE, "--out", zip.toString());
    }

    @Test
    void thePackageVerifiesWithSha256sumAndCarriesNothingOfTheReporter() throws Exception {
        Path zip = state.resolve("package.zip");
        assertThat(export(zip)).as(stderr::toString).isZero();
        Path unpacked = unzip(zip, Files.createDirectories(state.resolve("unpacked")));

        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(unpacked.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(checked).isZero();
        assertThat(checked).contains("copies/image-" + photoCopy.substring(0, 8) + ".jpg: OK", "manifest.json: OK",
                "summary.html: OK");

        JsonNode manifest = new ObjectMapper().readTree(unpacked.resolve("manifest.json").toFile());
        assertThat(manifest.at("/finding/actor").asText()).isEqualTo("Sample Unity Party (fictional)");
        assertThat(manifest.at("/finding/commitment_id").asText()).isEqualTo("candidates-no-hate-speech");
        assertThat(manifest.at("/finding/verdict").asText()).isEqualTo("VIOLATION");
        assertThat(manifest.get("files")).hasSize(3);
        assertThat(manifest.at("/files/0/original_sha256").asText()).isEqualTo("a".repeat(64));
        assertThat(manifest.at("/files/0/copy_sha256").asText()).isEqualTo(photoCopy);
        assertThat(manifest.at("/files/2/no_copy_because").asText()).contains("executable");
        assertThat(manifest.findValuesAsText("what")).containsExactly("OPENED", "ACTOR_SET", "VERDICT_SET");

        try (var files = Files.walk(unpacked)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                IDENTIFYING.forEach(secret -> assertThat(text).as(file.toString()).doesNotContain(secret));
                assertThat(file.getFileName().toString()).doesNotContainIgnoringCase("layla");
            }
        }
    }

    @Test
    void aTicketWithoutAFindingIsRefusedWithOneLine() {
        assertThat(ShahidCommand.commandLine(Map.of()).setErr(new PrintWriter(stderr, true))
                .execute("findings", "export", "not-a-reference", "--out", state.resolve("x.zip").toString()))
                .isNotZero();
        assertThat(stderr.toString()).startsWith("shahid export: not a ticket reference");
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return into;
    }
}
