package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;

/**
 * The digest shows the actor a ticket's finding names and, once, the commitments of that actor's group as the
 * menu for {@code #commitment}, in each monitor's own language (monitor1 reads English, monitor2 Sorani).
 */
class DigestCommitmentMenuTest {

    private static final String HATE_SPEECH_EN = "Not to publish or share hate speech or incitement against any person";
    private static final String HATE_SPEECH_CKB = "بڵاونەکردنەوە و هاوبەشنەکردنی وتاری ڕق";
    private static final String MEDIA_GROUP_EN = "Media";

    @TempDir
    Path state;

    @Test
    void listsTheActorsGroupCommitmentsInEachMonitorsLanguage() {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            shahid.service().database().jdbi().useTransaction(handle -> {
                Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
                for (String reference : new String[] {"SHD-MENU-1", "SHD-MENU-2", "SHD-MENU-3"}) {
                    handle.execute("""
                            INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym,
                                                automated, created_at, updated_at)
                            VALUES (?, 'REPORT', 'report', 'TRIAGED', 'ar', 'R-1', FALSE, ?, ?)""", reference,
                            threeDaysAgo, threeDaysAgo);
                }
                // two tickets name actors of the same group: its menu is listed once; the third names none
                for (String reference : new String[] {"SHD-MENU-1", "SHD-MENU-2"}) {
                    handle.execute("""
                            INSERT INTO finding (ticket_id, actor_id, actor_group, updated_at)
                            SELECT id, 'sample-unity-party', 'candidates', NOW(3) FROM ticket WHERE reference = ?""",
                            reference);
                }
            });
            assertThat(shahid.service().beans().monitors().sendDigest().send()).isEqualTo(2);

            String english = digestOf(shahid, "monitor1@shahid.test");
            String sorani = digestOf(shahid, "monitor2@shahid.test");
            assertThat(line(english, "SHD-MENU-1")).endsWith("actor sample-unity-party");
            assertThat(line(english, "SHD-MENU-3")).doesNotContain("actor");
            assertThat(english).contains("Commitments of the actors named in these tickets' findings")
                    .contains("Candidates, parties and campaign teams (candidates):")
                    .contains("  candidates-no-hate-speech: " + HATE_SPEECH_EN)
                    .doesNotContain(MEDIA_GROUP_EN + " (media):");
            assertThat(english.split("candidates-no-hate-speech:", -1)).hasSize(2);
            assertThat(line(sorani, "SHD-MENU-2")).endsWith("لایەن sample-unity-party");
            assertThat(sorani).contains("کاندیدان، پارتەکان و تیمەکانی هەڵمەت (candidates):")
                    .contains("  candidates-no-hate-speech: " + HATE_SPEECH_CKB).doesNotContain(HATE_SPEECH_EN);
        }
    }

    private static String digestOf(RunningShahid shahid, String monitor) {
        return shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST' AND recipient_address = '"
                + monitor + "'");
    }

    private static String line(String digest, String reference) {
        return digest.lines().filter(line -> line.startsWith("- " + reference + " ")).findFirst().orElseThrow();
    }
}
