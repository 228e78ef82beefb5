package org.shahid.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;
import org.shahid.tickets.TicketStatus;

class CommandProblemWordingTest {

    private static final CommandProblemWording WORDING = CommandProblemWording.load(Path.of("templates"));

    @TempDir
    Path templates;

    @Test
    void joinsAlternativesWithTheOrOfTheMonitorsLanguage() {
        CommandProblem refusal = TicketLifecycle.refusal("#status closed", TicketStatus.NEW, TicketStatus.CLOSED);
        assertThat(WORDING.word(refusal, Language.ENGLISH)).isEqualTo("#status closed: cannot go from new to closed;"
                + " from new the next step is triaged or investigating or rejected");
        assertThat(WORDING.word(refusal, Language.ARABIC))
                .isEqualTo("#status closed: لا يمكن الانتقال من new إلى closed؛ الخطوة التالية من new هي"
                        + " triaged أو investigating أو rejected");
        assertThat(WORDING.word(refusal, Language.KURDISH_SORANI)).contains("triaged یان investigating یان rejected");
    }

    @Test
    void everyCodeTheCommandsReportIsWordedInEveryLanguage() throws IOException {
        Pattern code = Pattern.compile("(?:CommandProblem\\.of\\(|message = )\"([a-z]+(?:-[a-z]+)*)\"|\"(lifecycle-[a-z-]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("intake-service/src/main/java/org/shahid/monitors"))) {
            for (Path source : sources.toList()) {
                Matcher found = code.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (found.find()) {
                    codes.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }
        assertThat(codes).contains("status-invalid", "unknown-command", "evidence-hostile-all", "lifecycle-withdrawn");
        List<Object> arguments = List.of("#x", "a", "b", "c", "d");
        // word() throws for a code no file words.
        for (String each : codes) {
            for (Language language : Language.values()) {
                assertThat(WORDING.word(new CommandProblem(each, arguments), language)).as(each).isNotBlank();
            }
        }
    }

    @Test
    void everyReasonAFileIsWithheldIsWordedInEveryLanguage() {
        for (AttachScrubbedEvidence.Withheld withheld : List.of(new AttachScrubbedEvidence.Withheld("hostile-on-request",
                        "zip-bomb"), new AttachScrubbedEvidence.Withheld("hostile", "executable"),
                new AttachScrubbedEvidence.Withheld("hostile", "zip-bomb"), new AttachScrubbedEvidence.Withheld("not-kept", ""),
                new AttachScrubbedEvidence.Withheld("not-kept", "note"), new AttachScrubbedEvidence.Withheld("no-copy", ""),
                new AttachScrubbedEvidence.Withheld("no-copy", "note"), new AttachScrubbedEvidence.Withheld("too-large", "9"))) {
            for (Language language : Language.values()) {
                assertThat(WORDING.word(withheld.problem("#evidence 1", "1"), language)).startsWith("#evidence 1: ")
                        .contains(withheld.detail());
            }
        }
    }

    @Test
    void aLanguageThatLacksACodeOrChangesItsPlaceholdersStopsTheLoad() throws IOException {
        copyTemplates();
        Path sorani = templates.resolve("command-problems.ckb.properties");
        Files.writeString(sorani, Files.readString(sorani, StandardCharsets.UTF_8)
                .replaceAll("(?m)^reply-empty = .*$", "")
                .replaceAll("(?m)^assign-not-on-roster = .*$", "assign-not-on-roster = {0}: {2}")
                + "\nno-such-problem = {0}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CommandProblemWording.load(templates)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("command-problems.ckb.properties: missing reply-empty")
                .hasMessageContaining("command-problems.ckb.properties: assign-not-on-roster must use [{0}, {1}]")
                .hasMessageContaining("command-problems.ckb.properties: no-such-problem is not in the English file");
    }

    @Test
    void aMissingLanguageFileStopsTheLoad() throws IOException {
        copyTemplates();
        Files.delete(templates.resolve("command-problems.ar.properties"));
        assertThatThrownBy(() -> CommandProblemWording.load(templates)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("command-problems.ar.properties: missing");
    }

    private void copyTemplates() throws IOException {
        for (String code : List.of("en", "ar", "ckb")) {
            Files.copy(Path.of("templates", "command-problems." + code + ".properties"),
                    templates.resolve("command-problems." + code + ".properties"));
        }
    }
}
