package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;

class PlainTextTemplatesTest {

    private static final PlainTextTemplates.Family NOTICE = new PlainTextTemplates.Family("notice",
            List.of("notice"), event -> Map.of("reference", PlainTextTemplates.SAMPLE_REFERENCE, "what", "sample"),
            Set.of("notice"));

    @TempDir
    Path templates;

    @Test
    void rendersAnEventInTheLanguageAsked() throws IOException {
        writeEveryLanguage("[${reference}] ${what}", "Text in {lang}: ${what}");

        RenderedMail mail = PlainTextTemplates.load(templates, NOTICE)
                .render("notice", Language.KURDISH_SORANI, Map.of("reference", "SHD-1", "what", "x"));

        assertThat(mail.subject()).isEqualTo("[SHD-1] x");
        assertThat(mail.text()).isEqualTo("Text in ckb: x");
    }

    @Test
    void refusesASubjectWithoutTheReferenceAndAMissingFileAndNamesEach() throws IOException {
        writeEveryLanguage("[${reference}] ${what}", "${what}");
        Files.writeString(templates.resolve("notice.ar.subject.ftl"), "${what}");
        Files.delete(templates.resolve("notice.en.text.ftl"));

        assertThatThrownBy(() -> PlainTextTemplates.load(templates, NOTICE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("notice templates in " + templates + " have problems:")
                .hasMessageContaining("notice.ar.subject.ftl: the subject must start with [${reference}]")
                .hasMessageContaining("notice.en.text.ftl: ");
    }

    @Test
    void refusesATemplateThatReachesForJavaClasses() throws IOException {
        writeEveryLanguage("[${reference}]", "${what}");
        Files.writeString(templates.resolve("notice.en.text.ftl"),
                "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}");

        assertThatThrownBy(() -> PlainTextTemplates.load(templates, NOTICE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notice.en.text.ftl: ");
    }

    @Test
    void rendersNoHtmlForAFamilyWithoutAnHtmlPart() throws Exception {
        writeEveryLanguage("[${reference}] ${what}", "${what}");

        RenderedMail mail = TemplateRenderer.load(templates, NOTICE)
                .render("notice", Language.ENGLISH, Map.of("reference", "SHD-1", "what", "x"));

        assertThat(mail.html()).isEmpty();
        assertThat(mail.text()).isEqualTo("x");
    }

    @Test
    void refusesAnUnknownEventAndNamesTheKnownOnes() throws Exception {
        writeEveryLanguage("[${reference}] ${what}", "${what}");
        TemplateRenderer renderer = TemplateRenderer.load(templates, NOTICE);

        assertThatThrownBy(() -> renderer.render("notise", Language.ENGLISH, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown event 'notise'; known: [notice]");
    }

    @Test
    void servesTheAdoptedTemplatesFromThenOn() throws Exception {
        writeEveryLanguage("[${reference}] ${what}", "old ${what}");
        TemplateRenderer serving = TemplateRenderer.load(templates, NOTICE);
        writeEveryLanguage("[${reference}] ${what}", "new ${what}");

        serving.adopt(TemplateRenderer.load(templates, NOTICE));

        assertThat(serving.render("notice", Language.ARABIC, Map.of("reference", "SHD-1", "what", "x")).text())
                .isEqualTo("new x");
    }

    @Test
    void namesTheFamilyAndEventWhenATemplateFailsAtRenderTime() throws Exception {
        // The sample takes the branch that works, so the template loads; a caller's model takes the other.
        writeEveryLanguage("[${reference}] ${what}", "<#if what == \"sample\">${what}<#else>${what?number}</#if>");
        TemplateRenderer renderer = TemplateRenderer.load(templates, NOTICE);

        assertThatThrownBy(() -> renderer.render("notice", Language.ENGLISH, Map.of("reference", "SHD-1", "what", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("notice template notice failed at render time: ");
    }

    private void writeEveryLanguage(String subject, String text) throws IOException {
        for (Language language : Language.values()) {
            Files.writeString(templates.resolve("notice." + language.code() + ".subject.ftl"), subject);
            Files.writeString(templates.resolve("notice." + language.code() + ".text.ftl"),
                    text.replace("{lang}", language.code()));
        }
    }
}
