package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;

/** The digest lists the oldest unassigned tickets and says how many it left out, instead of stopping silently. */
class DigestCompletenessTest {

    @TempDir
    Path state;

    @Test
    void saysHowManyUnassignedTicketsItDidNotList() throws Exception {
        try (RunningShahid shahid = RunningShahid.start(state)) {
            try (var connection = shahid.database().connect(); var statement = connection.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO ticket (reference, kind, mailbox, status, language, reporter_pseudonym, automated,
                                            created_at, updated_at)
                        SELECT CONCAT('SHD-TEST-', seq), 'REPORT', 'report', 'NEW', 'en', CONCAT('R-', seq), FALSE,
                               NOW(3) - INTERVAL 3 DAY + INTERVAL seq SECOND, NOW(3)
                        FROM seq_1_to_687""");
            }
            assertThat(shahid.service().beans().monitors().sendDigest().send()).isEqualTo(2);
            // monitor1 reads English; monitor2's Sorani digest says the same in its own words
            String digest = shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST'"
                    + " AND recipient_address = 'monitor1@shahid.test'");
            assertThat(shahid.text("SELECT body_text FROM outbox WHERE purpose = 'MONITOR_DIGEST'"
                    + " AND recipient_address = 'monitor2@shahid.test'")).contains("487").contains("SHD-TEST-200 ")
                    .doesNotContain("SHD-TEST-201 ");
            assertThat(digest).contains("Unassigned tickets older than 24h: 687 (the oldest 200 are listed; 487 more"
                    + " are not)").contains("SHD-TEST-1 ").contains("SHD-TEST-200 ").doesNotContain("SHD-TEST-201 ")
                    .contains("... and 487 more unassigned tickets not listed here");
        }
    }
}
