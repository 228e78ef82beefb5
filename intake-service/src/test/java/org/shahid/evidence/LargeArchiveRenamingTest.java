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
 * End to end: the mapping of a large archive's member names is stored whole, one row per member, and the monitors'
 * notification lists every member. (Scrubbing and checking 500 members takes a while on a busy machine: its own
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
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            for (int i = 1; i <= members; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("sdcard/DCIM/Camera/queue " + i + " from 07701234567.txt"));
                zip.write(("Voters turned away, note " + i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        shahid.deliverRaw(REPORT, TestMails.withAttachment("witness@example.org", REPORT, "Evidence",
                "All in the zip.", StandardCharsets.UTF_8, "notes.zip", "application/zip", zipped.toByteArray()));
        shahid.awaitCount("SELECT COUNT(*) FROM attachment", 1);
        shahid.awaitEvidenceExamined();

        assertThat(shahid.text("SELECT scrubbed_sha256 FROM attachment")).as(shahid.text("SELECT flags FROM attachment"))
                .isNotNull();
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
}
