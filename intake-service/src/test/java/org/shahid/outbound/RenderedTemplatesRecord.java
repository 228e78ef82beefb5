package org.shahid.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every template of a family rendered with its samples, written as one text (each part headed by its event,
 * language, sample and length) and compared with the record kept in {@code src/test/resources/rendered-templates}.
 * The record was taken from the renderers before they became one; with {@code -Dshahid.rendered-templates=write}
 * it is taken again from the templates as they are now, for an admin-visible change to a template.
 */
public final class RenderedTemplatesRecord {

    private static final Path RECORDS = Path.of("intake-service/src/test/resources/rendered-templates");

    private final StringBuilder text = new StringBuilder();

    public void add(String event, String languageCode, int sample, RenderedMail mail) {
        part(event, languageCode, sample, "subject", mail.subject());
        part(event, languageCode, sample, "text", mail.text());
        part(event, languageCode, sample, "html", mail.html());
    }

    private void part(String event, String languageCode, int sample, String part, String content) {
        text.append("--- ").append(event).append('.').append(languageCode).append(" sample ").append(sample)
                .append(' ').append(part).append(" (").append(content.length()).append(" chars)\n")
                .append(content).append('\n');
    }

    /** Asserts that the family renders exactly as recorded in {@code <family>.txt}. */
    public void assertMatches(String family) {
        Path record = RECORDS.resolve(family + ".txt");
        try {
            if ("write".equals(System.getProperty("shahid.rendered-templates"))) {
                Files.writeString(record, text, StandardCharsets.UTF_8);
            }
            assertThat(text.toString()).isEqualTo(Files.readString(record, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
