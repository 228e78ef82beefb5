package org.shahid.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every mail of the shared hostile corpus to the parser: each must become a ParsedMail or a clean
 * UnparseableMailException, quickly, and never anything else. The corpus lies in ../shared/corpus relative to the
 * repository root (surefire's working directory), or wherever SHAHID_CORPUS_DIR points.
 */
class MailParserCorpusTest {

    private static final Duration PER_MAIL_BUDGET = Duration.ofSeconds(5);
    private static final MailParser PARSER = new MailParser(MailLimits.DEFAULTS);
    private static final Map<String, String> REFUSED = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> PARSED = new ConcurrentHashMap<>();

    static Path corpusDirectory() {
        String configured = System.getenv("SHAHID_CORPUS_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "corpus");
    }

    static Stream<Path> corpusMails() {
        Path root = corpusDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("corpus not found at " + root.toAbsolutePath(), e);
        }
    }

    @Test
    void corpusIsPresentAndComplete() {
        assertThat(corpusMails().count()).as("mails in %s", corpusDirectory().toAbsolutePath()).isEqualTo(241);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusMails")
    void parsesOrRefusesWithAReasonWithinTheTimeBudget(Path mail) throws IOException {
        byte[] raw = Files.readAllBytes(mail);
        String name = corpusDirectory().relativize(mail).toString();
        assertTimeoutPreemptively(PER_MAIL_BUDGET, () -> {
            try {
                ParsedMail parsed = PARSER.parse(raw);
                assertThat(parsed.rawSize()).isEqualTo(raw.length);
                assertThat(parsed.text()).isNotNull();
                assertThat(parsed.attachments()).allSatisfy(attachment -> {
                    assertThat(attachment.fileName()).isNotBlank().doesNotContain("/", "\\").doesNotStartWith(".");
                    assertThat(attachment.fileName().length()).isLessThanOrEqualTo(AttachmentFileName.MAX_LENGTH);
                    assertThat(attachment.kept()).isEqualTo(attachment.content() != null);
                });
                PARSED.put(name, true);
            } catch (UnparseableMailException e) {
                assertThat(e.getMessage()).isNotBlank();
                REFUSED.put(name, e.getMessage());
            } catch (Throwable unexpected) {
                fail("%s escaped the parser on %s", unexpected, name);
            }
        });
    }

    @AfterAll
    static void reportCounts() {
        System.out.println("Corpus: " + PARSED.size() + " parsed, " + REFUSED.size() + " refused");
        new TreeMap<>(REFUSED).forEach((name, reason) -> System.out.println("  refused " + name + ": " + reason));
    }
}
