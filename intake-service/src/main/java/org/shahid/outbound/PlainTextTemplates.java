package org.shahid.outbound;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;

/**
 * Plain-text mail templates ({@code templates/<event>.<lang>.<subject|text>.ftl}, one per event and
 * {@link Language}) loaded from one folder and checked in full: each is rendered with a sample model, and the
 * subjects of the events that concern one ticket must start with {@code [${reference}]}. FreeMarker runs sandboxed
 * (no API built-ins, no class resolution). The mail to monitors and the service-level mails are read through it.
 * Immutable and thread-safe.
 */
public final class PlainTextTemplates {

    /** The reference the sample models carry, which a ticket's subject must start with. */
    public static final String SAMPLE_REFERENCE = "SHD-7K3M-Q9XR-2BTA";

    /**
     * What one family of templates is.
     *
     * @param noun             how problems name the family, e.g. "monitor" ("monitor templates in … have problems")
     * @param events           the events, each loaded in every language
     * @param sample           the sample model an event's templates are checked with
     * @param aboutOneTicket   the events whose subject must start with the ticket's reference
     * @param subjectMarks     further marks an event's subject must carry (an answer is threaded back by it)
     */
    public record Family(String noun, List<String> events, Function<String, Map<String, Object>> sample,
                         Set<String> aboutOneTicket, Map<String, SubjectMark> subjectMarks) {

        public Family(String noun, List<String> events, Function<String, Map<String, Object>> sample,
                      Set<String> aboutOneTicket) {
            this(noun, events, sample, aboutOneTicket, Map.of());
        }
    }

    /** A mark a subject must carry: as the sample renders it, and as the template writes it. */
    public record SubjectMark(String sampleText, String placeholder) {
    }

    private final Family family;
    private final Map<String, Template[]> templates;

    private PlainTextTemplates(Family family, Map<String, Template[]> templates) {
        this.family = family;
        this.templates = templates;
    }

    /** Loads and checks every template of {@code family}; throws with every problem found. */
    public static PlainTextTemplates load(Path templatesDir, Family family) {
        Configuration configuration = sandboxedPlainText(templatesDir);
        List<String> problems = new ArrayList<>();
        Map<String, Template[]> loaded = new LinkedHashMap<>();
        for (String event : family.events()) {
            for (Language language : Language.values()) {
                Template[] parts = new Template[2];
                for (int i = 0; i < 2; i++) {
                    String name = event + "." + language.code() + "." + (i == 0 ? "subject" : "text") + ".ftl";
                    try {
                        parts[i] = configuration.getTemplate(name);
                        String output = process(parts[i], family.sample().apply(event));
                        if (i == 0 && family.aboutOneTicket().contains(event)
                                && !output.strip().startsWith("[" + SAMPLE_REFERENCE + "]")) {
                            problems.add(name + ": the subject must start with [${reference}]");
                        }
                        SubjectMark mark = family.subjectMarks().get(event);
                        if (i == 0 && mark != null && !output.contains(mark.sampleText())) {
                            problems.add(name + ": the subject must carry " + mark.placeholder());
                        }
                    } catch (IOException | TemplateException e) {
                        problems.add(name + ": " + e.getMessage().lines().findFirst().orElse("broken"));
                    }
                }
                loaded.put(event + "." + language.code(), parts);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(family.noun() + " templates in " + templatesDir + " have problems:\n"
                    + String.join("\n", problems));
        }
        return new PlainTextTemplates(family, Map.copyOf(loaded));
    }

    public RenderedMail render(String event, Language language, Map<String, Object> model) {
        Template[] parts = templates.get(event + "." + language.code());
        try {
            return new RenderedMail(process(parts[0], model), process(parts[1], model), "");
        } catch (TemplateException e) {
            throw new IllegalStateException(family.noun() + " template " + event + " failed at render time: "
                    + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
        }
    }

    private static Configuration sandboxedPlainText(Path templatesDir) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_35);
        try {
            configuration.setDirectoryForTemplateLoading(templatesDir.toFile());
        } catch (IOException e) {
            throw new ConfigurationException("templates folder " + templatesDir + " cannot be read");
        }
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        configuration.setLocalizedLookup(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        TemplateConfiguration plainText = new TemplateConfiguration();
        plainText.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        configuration.setTemplateConfigurations(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.ftl"), plainText));
        return configuration;
    }

    private static String process(Template template, Map<String, Object> model) throws TemplateException {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
