package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shahid.language.Language;

class TemplateCatalogTest {

    private static final Path TEMPLATES = Path.of("templates");
    private static final List<String> EVENTS = List.of("report-received", "comment-received");
    private static final String REFERENCE = "SHD-7K3M-Q9XR-2BTA";

    private static TemplateCatalog catalog;

    @BeforeAll
    static void loadTheRepositoryTemplates() throws TemplateProblems {
        catalog = TemplateCatalog.load(TEMPLATES, EVENTS);
    }

    static Stream<Arguments> everyEventInEveryLanguage() {
        return EVENTS.stream().flatMap(event -> Stream.of(Language.values()).map(language -> Arguments.of(event, language)));
    }

    private static Map<String, Object> model(String receiptCode) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", REFERENCE);
        model.put("receiptCode", receiptCode);
        model.put("organisation", "Shahid election monitoring");
        model.put("mailbox", "report@shahid.test");
        return model;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void rendersEveryEventInEveryLanguage(String event, Language language) {
        RenderedMail mail = catalog.render(event, language, model("RC-1111-2222"));

        assertThat(mail.subject()).startsWith("[" + REFERENCE + "] ").doesNotContain("\n");
        assertThat(mail.text()).contains(REFERENCE, "RC-1111-2222", "report@shahid.test", "Shahid election monitoring");
        assertThat(mail.html()).contains(REFERENCE, "RC-1111-2222", "lang=\"" + language.code() + "\"");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void writesHtmlInTheDirectionOfTheLanguage(String event, Language language) {
        String html = catalog.render(event, language, model("")).html();

        assertThat(html).contains("dir=\"" + (language.rightToLeft() ? "rtl" : "ltr") + "\"");
    }

    @Test
    void writesArabicAndKurdishHtmlRightToLeft() {
        assertThat(catalog.render("report-received", Language.ARABIC, model("")).html()).contains("dir=\"rtl\"");
        assertThat(catalog.render("report-received", Language.KURDISH_SORANI, model("")).html()).contains("dir=\"rtl\"");
        assertThat(catalog.render("comment-received", Language.KURDISH_SORANI, model("")).html()).contains("dir=\"rtl\"");
    }

    @Test
    void usesTheNeutralSubjectsInEachLanguage() {
        assertThat(catalog.render("report-received", Language.ENGLISH, model("")).subject())
                .isEqualTo("[SHD-7K3M-Q9XR-2BTA] Your report was received");
        assertThat(catalog.render("report-received", Language.ARABIC, model("")).subject())
                .isEqualTo("[SHD-7K3M-Q9XR-2BTA] تم استلام بلاغك");
        assertThat(catalog.render("report-received", Language.KURDISH_SORANI, model("")).subject())
                .isEqualTo("[SHD-7K3M-Q9XR-2BTA] ڕاپۆرتەکەت گەیشت");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void loadsNothingRemoteInTheHtml(String event, Language language) {
        String html = catalog.render(event, language, model("RC-1111-2222")).html();

        assertThat(html).doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("http")
                .doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<script");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void showsNothingThatWasNotAmongTheTemplateVariables(String event, Language language) {
        Map<String, Object> model = model("RC-1111-2222");
        // What a careless caller might pass along: none of it may reach the acknowledgement.
        model.put("subject", "Vote buying at school 12");
        model.put("reportSubject", "Vote buying at school 12");
        model.put("from", "reporter@example.org");
        model.put("reporterAddress", "reporter@example.org");

        RenderedMail mail = catalog.render(event, language, model);

        for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
            assertThat(part).doesNotContain("Vote buying", "reporter@example.org", "${", "#{", "<#", "</#", "<@");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void leavesOutTheReceiptCodeLineWhenThereIsNoReceiptCode(String event, Language language) {
        RenderedMail withCode = catalog.render(event, language, model("RC-1111-2222"));
        RenderedMail withoutCode = catalog.render(event, language, model(""));

        assertThat(withCode.text().lines().count()).isGreaterThan(withoutCode.text().lines().count());
        assertThat(withoutCode.text()).doesNotContain("RC-");
    }

    @Test
    void showsTheReceiptCodeLineInEnglish() {
        assertThat(catalog.render("report-received", Language.ENGLISH, model("RC-1111-2222")).text())
                .contains("Your receipt code: RC-1111-2222");
    }

    @Test
    void keepsTheReceiptCodeOutOfTheSubjectThatShowsOnALockedScreen() {
        for (Language language : Language.values()) {
            assertThat(catalog.render("report-received", language, model("RC-1111-2222")).subject())
                    .doesNotContain("RC-1111-2222");
        }
    }

    @Test
    void escapesVariablesInHtmlButNotInText() {
        Map<String, Object> model = model("");
        model.put("organisation", "Monitors <b>&</b> friends");

        RenderedMail mail = catalog.render("comment-received", Language.ENGLISH, model);

        assertThat(mail.html()).contains("Monitors &lt;b&gt;&amp;&lt;/b&gt; friends").doesNotContain("<b>");
        assertThat(mail.text()).contains("Monitors <b>&</b> friends");
    }

    @Test
    void setsLanguageAndDirectionFromTheLanguageNotFromTheModel() {
        Map<String, Object> model = model("");
        model.put("direction", "ltr");
        model.put("languageCode", "en");

        String html = catalog.render("report-received", Language.ARABIC, model).html();

        assertThat(html).contains("lang=\"ar\"", "dir=\"rtl\"");
    }

    @Test
    void refusesAModelWithoutAReference() {
        Map<String, Object> model = model("");
        model.remove("reference");

        assertThatThrownBy(() -> catalog.render("report-received", Language.ENGLISH, model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference");
    }

    @Test
    void refusesAnUnknownEvent() {
        assertThatThrownBy(() -> catalog.render("ticket-closed", Language.ENGLISH, model("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticket-closed");
    }

    @Test
    void rendersTheSameMailFromManyThreadsAtOnce() {
        RenderedMail expected = catalog.render("report-received", Language.KURDISH_SORANI, model("RC-1111-2222"));

        List<RenderedMail> rendered = IntStream.range(0, 400).parallel()
                .mapToObj(attempt -> catalog.render("report-received", Language.KURDISH_SORANI, model("RC-1111-2222")))
                .toList();

        assertThat(rendered).containsOnly(expected);
    }

    @Test
    void listsTheEventsItWasLoadedFor() {
        assertThat(catalog.events()).containsExactly("report-received", "comment-received");
    }

    @Test
    void namesAMissingTemplate(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Files.delete(dir.resolve("comment-received.ckb.html.ftl"));

        TemplateProblems problems = loadExpectingProblems(dir);

        assertThat(problems.problems()).containsExactly("comment-received.ckb.html.ftl: missing");
        assertThat(problems).hasMessageContaining("comment-received.ckb.html.ftl");
    }

    @Test
    void namesABrokenTemplateWithItsLine(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Files.writeString(dir.resolve("report-received.ar.text.ftl"), "شكرًا\nالرقم المرجعي: ${reference\n",
                StandardCharsets.UTF_8);

        TemplateProblems problems = loadExpectingProblems(dir);

        assertThat(problems.problems()).singleElement().asString()
                .startsWith("report-received.ar.text.ftl: line 2");
    }

    @Test
    void namesATemplateThatUsesAVariableNobodySupplies(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Files.writeString(dir.resolve("report-received.en.text.ftl"), "You wrote: ${reportSubject}\n${reference}\n",
                StandardCharsets.UTF_8);

        TemplateProblems problems = loadExpectingProblems(dir);

        assertThat(problems.problems()).singleElement().asString()
                .startsWith("report-received.en.text.ftl: ")
                .contains("reportSubject");
    }

    @Test
    void listsEveryProblemNotOnlyTheFirst(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Files.delete(dir.resolve("report-received.en.subject.ftl"));
        Files.delete(dir.resolve("comment-received.ar.text.ftl"));
        Files.writeString(dir.resolve("comment-received.ckb.subject.ftl"), "<#if>", StandardCharsets.UTF_8);

        TemplateProblems problems = loadExpectingProblems(dir);

        assertThat(problems.problems()).hasSize(3);
        assertThat(problems.getMessage().lines()).hasSize(4)
                .anyMatch(line -> line.startsWith("report-received.en.subject.ftl: missing"))
                .anyMatch(line -> line.startsWith("comment-received.ar.text.ftl: missing"))
                .anyMatch(line -> line.startsWith("comment-received.ckb.subject.ftl: line 1"));
    }

    @Test
    void refusesASubjectThatDoesNotStartWithTheReference(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Files.writeString(dir.resolve("report-received.en.subject.ftl"), "Report received (${reference})",
                StandardCharsets.UTF_8);

        assertThat(loadExpectingProblems(dir).problems())
                .containsExactly("report-received.en.subject.ftl: the subject must start with [${reference}]");
    }

    @Test
    void refusesHtmlThatLoadsAnImage(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Path html = dir.resolve("report-received.ar.html.ftl");
        Files.writeString(html, Files.readString(html).replace("<@layout.paragraph>",
                "<img src=\"https://tracker.example/p.gif\"><@layout.paragraph>"));

        assertThat(loadExpectingProblems(dir).problems()).isNotEmpty()
                .allMatch(problem -> problem.startsWith("report-received.ar.html.ftl: "))
                .anyMatch(problem -> problem.contains("<img>"));
    }

    @Test
    void refusesHtmlWithAWebLink(@TempDir Path dir) throws IOException {
        copyTemplatesTo(dir);
        Path html = dir.resolve("comment-received.en.html.ftl");
        Files.writeString(html, Files.readString(html).replace("Please keep this reference.",
                "Please keep <a href=\"https://shahid.example/?utm_source=mail\">this reference</a>."));

        assertThat(loadExpectingProblems(dir).problems())
                .anyMatch(problem -> problem.startsWith("comment-received.en.html.ftl: ") && problem.contains("mailto:"));
    }

    @Test
    void escapesHtmlInTemplatesNamedDotHtmlDotFtl(@TempDir Path dir) throws IOException, TemplateProblems {
        copyTemplatesTo(dir);
        // If *.html.ftl were not HTML output, ?no_esc would be an error; with HTML output it is allowed.
        Path html = dir.resolve("report-received.en.html.ftl");
        Files.writeString(html, Files.readString(html).replace("value=reference", "value=reference?no_esc"));

        assertThat(TemplateCatalog.load(dir, EVENTS).events()).hasSize(2);
    }

    private static TemplateProblems loadExpectingProblems(Path dir) {
        Throwable thrown = catchThrowable(() -> TemplateCatalog.load(dir, EVENTS));
        assertThat(thrown).isInstanceOf(TemplateProblems.class);
        return (TemplateProblems) thrown;
    }

    private static void copyTemplatesTo(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".ftl")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName().toString()));
            }
        }
    }
}
