package org.shahid.servicelevels;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shahid.kernel.ConfigurationException;
import org.shahid.outbound.RenderedMail;

/**
 * The mails of service levels to monitors, in each monitor's first language
 * ({@code templates/sla-reminder|sla-escalation.<ar|ckb|en>.<subject|text>.ftl}), plain text like the other
 * mail to monitors. Each is rendered with a sample when loaded; the subject must start with the ticket's
 * reference. Thread-safe; a checked newer version is adopted while running.
 */
public final class ServiceLevelTemplates {

    public static final String REMINDER = "sla-reminder";
    public static final String ESCALATION = "sla-escalation";
    static final List<String> LANGUAGES = List.of("ar", "ckb", "en");
    private static final String SAMPLE_REFERENCE = "SHD-7K3M-Q9XR-2BTA";

    private volatile Map<String, Template[]> templates;

    private ServiceLevelTemplates(Map<String, Template[]> templates) {
        this.templates = templates;
    }

    /** Serves {@code newer}'s templates from now on. */
    public void adopt(ServiceLevelTemplates newer) {
        this.templates = newer.templates;
    }

    public static ServiceLevelTemplates load(Path templatesDir) {
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
        for (String event : List.of(REMINDER, ESCALATION)) {
            for (String language : LANGUAGES) {
                Template[] parts = new Template[2];
                for (int i = 0; i < 2; i++) {
                    String name = event + "." + language + "." + (i == 0 ? "subject" : "text") + ".ftl";
                    try {
                        parts[i] = configuration.getTemplate(name);
                        String output = process(parts[i], sample());
                        if (i == 0 && !output.strip().startsWith("[" + SAMPLE_REFERENCE + "]")) {
                            problems.add(name + ": the subject must start with [${reference}]");
                        }
                    } catch (IOException | TemplateException e) {
                        problems.add(name + ": " + e.getMessage().lines().findFirst().orElse("broken"));
                    }
                }
                loaded.put(event + "." + language, parts);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("service level templates in " + templatesDir + " have problems:\n"
                    + String.join("\n", problems));
        }
        return new ServiceLevelTemplates(Map.copyOf(loaded));
    }

    /** Renders {@code event} in {@code language} (English when the language has no template). */
    public RenderedMail render(String event, String language, Map<String, Object> model) {
        Template[] parts = templates.get(event + "." + (LANGUAGES.contains(language) ? language : "en"));
        try {
            return new RenderedMail(process(parts[0], model).strip(), process(parts[1], model), "");
        } catch (TemplateException e) {
            throw new IllegalStateException("service level template " + event + " failed at render time: "
                    + e.getMessageWithoutStackTop().lines().findFirst().orElse(""));
        }
    }

    static Map<String, Object> sample() {
        return Map.of("reference", SAMPLE_REFERENCE, "measure", "first-action", "due", "2026-05-11T10:00:00Z",
                "mailbox", "report", "category", "hate-speech");
    }

    private static String process(Template template, Map<String, Object> model) throws TemplateException {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
