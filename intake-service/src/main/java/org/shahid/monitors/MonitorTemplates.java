package org.shahid.monitors;

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
import org.shahid.kernel.ConfigurationException;
import org.shahid.language.Language;
import org.shahid.outbound.RenderedMail;

/**
 * The templates of mail to monitors ({@code templates/<event>.<lang>.<subject|text>.ftl}, one per
 * {@link Language}; each monitor reads the first language of their roster entry): notifications, digests,
 * answers to commands and refusals. Plain text on purpose: monitors reply from phones, and plain text quotes
 * predictably, which keeps the quoted notification out of what is relayed to reporters. Unlike the reporters'
 * {@code TemplateCatalog} these get structured models (evidence lists, ticket lists). Every template is rendered
 * with a sample at start, and again before a changed file is adopted while running. Thread-safe.
 */
public final class MonitorTemplates {

    public static final String TICKET_NOTIFICATION = "ticket-notification";
    public static final String MONITOR_DIGEST = "monitor-digest";
    public static final String COMMAND_PROBLEMS = "command-problems";
    public static final String REPLY_REFUSED = "reply-refused";
    public static final String REPLY_KEY_EXPIRED = "reply-key-expired";

    /** Swapped whole by {@link #adopt}. */
    private volatile Map<String, Template[]> templates;

    private MonitorTemplates(Map<String, Template[]> templates) {
        this.templates = templates;
    }

    /** Serves {@code newer}'s templates from now on (they were loaded and checked in full). */
    public void adopt(MonitorTemplates newer) {
        this.templates = newer.templates;
    }

    public static MonitorTemplates load(Path templatesDir) {
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
        List<String> problems = new ArrayList<>();
        Map<String, Template[]> loaded = new LinkedHashMap<>();
        for (String event : List.of(TICKET_NOTIFICATION, MONITOR_DIGEST, COMMAND_PROBLEMS, REPLY_REFUSED,
                REPLY_KEY_EXPIRED)) {
          for (Language language : Language.values()) {
            Template[] parts = new Template[2];
            for (int i = 0; i < 2; i++) {
                String name = event + "." + language.code() + "." + (i == 0 ? "subject" : "text") + ".ftl";
                try {
                    parts[i] = configuration.getTemplate(name);
                    String output = process(parts[i], MonitorSamples.of(event));
                    if (i == 0 && (event.equals(TICKET_NOTIFICATION) || event.equals(COMMAND_PROBLEMS)
                            || event.equals(REPLY_KEY_EXPIRED))
                            && !output.strip().startsWith("[SHD-7K3M-Q9XR-2BTA]")) {
                        problems.add(name + ": the subject must start with [${reference}]");
                    }
                } catch (IOException | TemplateException e) {
                    problems.add(name + ": " + e.getMessage().lines().findFirst().orElse("broken"));
                }
            }
            loaded.put(event + "." + language.code(), parts);
          }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("monitor templates in " + templatesDir + " have problems:\n"
                    + String.join("\n", problems));
        }
        return new MonitorTemplates(Map.copyOf(loaded));
    }

    /** Renders the English version. */
    public RenderedMail render(String event, Map<String, Object> model) {
        return render(event, Language.ENGLISH, model);
    }

    public RenderedMail render(String event, Language language, Map<String, Object> model) {
        Template[] parts = templates.get(event + "." + language.code());
        try {
            return new RenderedMail(process(parts[0], model), process(parts[1], model), "");
        } catch (TemplateException e) {
            throw new IllegalStateException("monitor template " + event + " failed at render time: "
                    + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
        }
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
