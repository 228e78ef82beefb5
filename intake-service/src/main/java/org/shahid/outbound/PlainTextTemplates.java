package org.shahid.outbound;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;

/**
 * The plain-text families of templates ({@code templates/<event>.<lang>.<subject|text>.ftl}, one per event and
 * {@link Language}): the mail to monitors and the service-level mails. Each template is rendered with its event's
 * sample by the {@link TemplateRenderer}, and the subjects of the events that concern one ticket must start with
 * {@code [${reference}]}.
 */
public final class PlainTextTemplates {

    /** The reference the sample models carry, which a ticket's subject must start with. */
    public static final String SAMPLE_REFERENCE = "SHD-7K3M-Q9XR-2BTA";

    private PlainTextTemplates() {
    }

    /**
     * What one family of plain-text templates is.
     *
     * @param noun             how problems name the family, e.g. "monitor" ("monitor templates in … have problems")
     * @param events           the events, each loaded in every language
     * @param sample           the sample model an event's templates are checked with
     * @param aboutOneTicket   the events whose subject must start with the ticket's reference
     * @param subjectMarks     further marks an event's subject must carry (an answer is threaded back by it)
     */
    public record Family(String noun, List<String> events, Function<String, Map<String, Object>> sample,
                         Set<String> aboutOneTicket, Map<String, SubjectMark> subjectMarks) implements TemplateFamily {

        public Family(String noun, List<String> events, Function<String, Map<String, Object>> sample,
                      Set<String> aboutOneTicket) {
            this(noun, events, sample, aboutOneTicket, Map.of());
        }

        @Override
        public List<TemplatePart> parts() {
            return List.of(TemplatePart.SUBJECT, TemplatePart.TEXT);
        }

        @Override
        public List<Map<String, ?>> samples(String event, Language language) {
            return List.of(sample.apply(event));
        }

        @Override
        public void checkOutput(String fileName, String event, Language language, TemplatePart part, String output,
                                Map<String, ?> sample, List<String> problems) {
            if (part != TemplatePart.SUBJECT) {
                return;
            }
            if (aboutOneTicket.contains(event) && !output.strip().startsWith("[" + SAMPLE_REFERENCE + "]")) {
                problems.add(fileName + ": the subject must start with [${reference}]");
            }
            SubjectMark mark = subjectMarks.get(event);
            if (mark != null && !output.contains(mark.sampleText())) {
                problems.add(fileName + ": the subject must carry " + mark.placeholder());
            }
        }

        /** FreeMarker's first line: monitors' and service-level problems have always been worded so. */
        @Override
        public String describeFailure(String fileName, Exception failure) {
            return fileName + ": " + failure.getMessage().lines().findFirst().orElse("broken");
        }
    }

    /** A mark a subject must carry: as the sample renders it, and as the template writes it. */
    public record SubjectMark(String sampleText, String placeholder) {
    }

    /** Loads and checks every template of {@code family}; throws with every problem found. */
    public static TemplateRenderer load(Path templatesDir, Family family) {
        try {
            return TemplateRenderer.load(templatesDir, family);
        } catch (TemplateProblems problems) {
            throw new ConfigurationException(family.noun() + " templates in " + templatesDir + " have problems:\n"
                    + String.join("\n", problems.problems()));
        }
    }
}
