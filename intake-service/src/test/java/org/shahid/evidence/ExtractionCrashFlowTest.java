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
 * A service whose extraction child is starved (64 MB heap, no ratio guard, no useful text limit): the child
 * dies on a zip bomb, the ticket is still opened with the attachment flagged, and the next mail's PDF is
 * extracted by a fresh child.
 */
class ExtractionCrashFlowTest {

    @TempDir
    Path state;

    private RunningShahid shahid;

    @BeforeEach
    void start() {
        shahid = RunningShahid.prepare(state, Map.of(
                "shahid.evidence.worker-heap", "64m",
                "shahid.evidence.max-compression-ratio", "1000000000000",
                "shahid.evidence.max-text-chars", "400000000"));
        shahid.startService();
    }

    @AfterEach
    void stop() {
        shahid.close();
    }

    @Test
    void aCrashedWorkerCostsOneFlagNotTheServiceNorTheNextMail() throws Exception {
        shahid.deliverRaw(REPORT, TestMails.withAttachment("a@example.org", REPORT, "Results", "zip",
                StandardCharsets.UTF_8, "results.zip", "application/zip", EvidenceFixtures.zipBomb(300)));
        shahid.awaitCount("SELECT COUNT(*) FROM attachment WHERE file_name = 'results.zip'", 1);
        shahid.deliverRaw(REPORT, TestMails.withAttachment("b@example.org", REPORT, "Minutes", "pdf",
                StandardCharsets.UTF_8, "minutes.pdf", "application/pdf",
                EvidenceFixtures.pdfWithAuthor("Counting stopped at noon")));
        shahid.awaitCount("SELECT COUNT(*) FROM attachment WHERE file_name = 'minutes.pdf'", 1);

        assertThat(shahid.text("SELECT flags FROM attachment WHERE file_name = 'results.zip'"))
                .contains("extraction-crashed");
        assertThat(shahid.text("SELECT extracted_text FROM attachment WHERE file_name = 'minutes.pdf'"))
                .contains("Counting stopped at noon");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(2);
        assertThat(shahid.service().beans().extractor().starts()).isEqualTo(2);
    }
}
