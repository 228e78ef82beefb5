package org.shahid.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * End to end: the mapping of a large archive's member names is stored whole, one row per member at every depth,
 * and the monitors' notification lists every member. (Scrubbing and checking 500 members takes a while on a busy machine: its own
 * timeout.)
 */
class LargeArchiveRenamingTest {

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of("shahid.evidence.timeout", "150s"));
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    @Test
    void everyMemberOfAnArchiveOfFiveHundredIsMappedToItsRedactedNameAndListedToMonitors() throws Exception {
        int members = 500;
        deliverAndExamine("notes.zip", zip(members, i -> "sdcard/DCIM/Camera/queue " + i + " from 07701234567.txt",
                i -> ("Voters turned away, note " + i).getBytes(StandardCharsets.UTF_8)));

        assertThat(shahid.count("SELECT COUNT(*) FROM member_renaming")).isEqualTo(members);
        assertThat(shahid.count("SELECT COUNT(DISTINCT copy_name) FROM member_renaming")).isEqualTo(members);
        assertThat(shahid.count("SELECT COUNT(*) FROM member_renaming WHERE original_name LIKE '%07701234567%'"))
                .isZero();
        assertThat(shahid.text("SELECT original_name FROM member_renaming WHERE position = " + members))
                .isEqualTo("sdcard/DCIM/Camera/queue_" + members + "_from_[phone].txt");
        assertThat(shahid.text("SELECT COALESCE(removed_metadata, '') FROM attachment")).doesNotContain("Renamed:");
        String notification = org.shahid.testing.MailParts.textOf(shahid.awaitReceived("monitor1@shahid.test", 1).get(0));
        assertThat(java.util.regex.Pattern.compile("in the copy: \\d+-[0-9a-f]{8}\\.txt = ").matcher(notification)
                .results().count()).isEqualTo(members);
    }

    @Test
    void everyMemberOfAZipOfThreeHundredInsideAZipIsMappedByItsPathAndListedToMonitors() throws Exception {
        int members = 300;
        byte[] inner = zip(members, i -> "sdcard/DCIM/Camera/queue " + i + " from 07701234567.txt",
                i -> ("Voters turned away, note " + i).getBytes(StandardCharsets.UTF_8));
        deliverAndExamine("outer.zip", zip(1, i -> "from 07701234567/photos.zip", i -> inner));

        // The attachment's copy: the inner zip and each of its members, by path; the inner zip's own copy (kept as
        // an embedded member) maps its members too.
        String innerName = shahid.text("SELECT copy_name FROM member_renaming WHERE member_id IS NULL AND parent = ''");
        assertThat(innerName).matches("1-[0-9a-f]{8}\\.zip");
        assertThat(shahid.count("SELECT COUNT(*) FROM member_renaming WHERE member_id IS NULL AND parent = '"
                + innerName + "'")).isEqualTo(members);
        assertThat(shahid.count("SELECT COUNT(*) FROM member_renaming WHERE member_id IS NOT NULL AND parent = ''"))
                .isEqualTo(members);
        assertThat(shahid.count("SELECT COUNT(DISTINCT copy_name) FROM member_renaming WHERE parent <> ''"))
                .isEqualTo(members);
        assertThat(shahid.count("SELECT COUNT(*) FROM member_renaming WHERE original_name LIKE '%07701234567%'"))
                .isZero();
        assertThat(shahid.text("SELECT original_name FROM member_renaming WHERE member_id IS NULL AND copy_name LIKE '"
                + members + "-%'")).isEqualTo("sdcard/DCIM/Camera/queue_" + members + "_from_[phone].txt");
        assertThat(shahid.text("SELECT CONCAT(COALESCE((SELECT GROUP_CONCAT(removed_metadata) FROM attachment), ''),"
                + " COALESCE((SELECT GROUP_CONCAT(removed_metadata) FROM attachment_member), ''))"))
                .doesNotContain("Renamed:");
        String notification = org.shahid.testing.MailParts.textOf(shahid.awaitReceived("monitor1@shahid.test", 1).get(0));
        assertThat(notification).contains("in the copy: " + innerName + " = from_[phone]/photos.zip");
        assertThat(java.util.regex.Pattern.compile("in the copy: " + innerName + "/\\d+-[0-9a-f]{8}\\.txt = "
                + "sdcard/DCIM/Camera/queue_\\d+_from_\\[phone]\\.txt").matcher(notification).results().count())
                .isEqualTo(members);
    }

    /** Mails a zip as a report's attachment and waits until it is examined and its copy kept. */
    private void deliverAndExamine(String fileName, byte[] zip) {
        shahid.deliverRaw(REPORT, TestMails.withAttachment("witness@example.org", REPORT, "Evidence",
                "All in the zip.", StandardCharsets.UTF_8, fileName, "application/zip", zip));
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);
        shahid.awaitEvidenceExamined();
        assertThat(shahid.text("SELECT scrubbed_sha256 FROM attachment")).as(shahid.text("SELECT flags FROM attachment"))
                .isNotNull();
    }

    private static byte[] zip(int members, java.util.function.IntFunction<String> name,
                              java.util.function.IntFunction<byte[]> content) throws java.io.IOException {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            for (int i = 1; i <= members; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name.apply(i)));
                zip.write(content.apply(i));
                zip.closeEntry();
            }
        }
        return zipped.toByteArray();
    }
}
