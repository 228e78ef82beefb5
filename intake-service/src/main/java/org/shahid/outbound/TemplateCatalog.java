package org.shahid.outbound;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.shahid.language.Language;

/**
 * The acknowledgement templates admins edit ({@code templates/<event>.<lang>.<subject|text|html>.ftl}), loaded and
 * checked once at start: every event in every {@link Language}, each rendered with a sample model and held to the
 * privacy rules in {@code templates/README.md}. Thread-safe; a checked edit on disk is adopted while running
 * ({@code reload/ReloadChangedFiles}).
 */
public final class TemplateCatalog {

    /** Variables the caller supplies; anything else in a model is dropped so a template cannot leak it. */
    public static final List<String> CALLER_VARIABLES = List.of("reference", "receiptCode", "organisation", "mailbox");

    /**
     * Variables a caller may supply (status updates to reporters); "" when absent, so acknowledgements need not
     * know them. {@code status} is a ticket status name such as {@code INVESTIGATING}; {@code message} is text a
     * monitor wrote to the reporter; {@code files} lists, one per line, the files of a mail too large to fetch.
     */
    public static final List<String> OPTIONAL_CALLER_VARIABLES = List.of("status", "message", "files");

    /** Variables the catalog fills from the {@link Language} being rendered. */
    public static final List<String> LANGUAGE_VARIABLES = List.of("languageCode", "direction");

    private static final String SAMPLE_REFERENCE = "SHD-7K3M-Q9XR-2BTA";
    private static final String SAMPLE_RECEIPT_CODE = "RC-4WQ8-ZP2M";

    private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private enum Part {
        SUBJECT, TEXT, HTML;

        String fileName(String event, Language language) {
            return event + "." + language.code() + "." + name().toLowerCase(Locale.ROOT) + ".ftl";
        }
    }

    private record MailTemplates(Template subject, Template text, Template html) {
    }

    /** Swapped whole by {@link #adopt}: a render sees the old set or the new one, never a mix. */
    private volatile Map<String, Map<Language, MailTemplates>> templates;

    private TemplateCatalog(Map<String, Map<Language, MailTemplates>> templates) {
        this.templates = templates;
    }

    /**
     * Loads and checks the templates of every event in every language.
     *
     * @throws TemplateProblems listing every missing or broken file, not only the first
     */
    public static TemplateCatalog load(Path templatesDir, Collection<String> events) throws TemplateProblems {
        Objects.requireNonNull(templatesDir, "templatesDir");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events given");
        }
        for (String event : events) {
            // Event names become file names; refuse anything that could climb out of the folder.
            if (!EVENT_NAME.matcher(event).matches()) {
                throw new IllegalArgumentException("event name must be lower-case letters, digits and '-': " + event);
            }
        }
        if (!Files.isDirectory(templatesDir)) {
            throw new TemplateProblems(templatesDir, List.of(templatesDir + ": not a folder"));
        }
        Configuration configuration = configure(templatesDir);
        List<String> problems = new ArrayList<>();
        Map<String, Map<Language, MailTemplates>> loaded = new LinkedHashMap<>();
        for (String event : new LinkedHashSet<>(events)) {
            Map<Language, MailTemplates> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                Template subject = check(configuration, event, language, Part.SUBJECT, problems);
                Template text = check(configuration, event, language, Part.TEXT, problems);
                Template html = check(configuration, event, language, Part.HTML, problems);
                if (subject != null && text != null && html != null) {
                    byLanguage.put(language, new MailTemplates(subject, text, html));
                }
            }
            loaded.put(event, byLanguage);
        }
        if (!problems.isEmpty()) {
            throw new TemplateProblems(templatesDir, problems);
        }
        Map<String, Map<Language, MailTemplates>> frozen = new LinkedHashMap<>();
        loaded.forEach((event, byLanguage) -> frozen.put(event, Map.copyOf(byLanguage)));
        return new TemplateCatalog(Collections.unmodifiableMap(frozen));
    }

    /** Serves {@code newer}'s templates from now on (it was loaded and checked in full). */
    public void adopt(TemplateCatalog newer) {
        this.templates = newer.templates;
    }

    /** The events this catalog was loaded for, in the order given. */
    public List<String> events() {
        return List.copyOf(templates.keySet());
    }

    /**
     * Renders the acknowledgement of {@code event} in {@code language}. Only {@link #CALLER_VARIABLES} are taken
     * from {@code model}; {@code languageCode} and {@code direction} come from {@code language}.
     *
     * @throws IllegalArgumentException for an unknown event or a model that lacks a caller variable
     */
    public RenderedMail render(String event, Language language, Map<String, ?> model) {
        Map<Language, MailTemplates> byLanguage = templates.get(event);
        if (byLanguage == null) {
            throw new IllegalArgumentException("unknown event '" + event + "'; known: " + templates.keySet());
        }
        MailTemplates mail = byLanguage.get(Objects.requireNonNull(language, "language"));
        Map<String, String> safeModel = safeModel(language, model);
        try {
            return new RenderedMail(
                    process(mail.subject(), safeModel), process(mail.text(), safeModel), process(mail.html(), safeModel));
        } catch (TemplateException e) {
            // The templates rendered at load with the same variables, so this is a bug, not an admin's typo.
            throw new IllegalStateException("template failed at render time: " + oneLine(e), e);
        }
    }

    private static Map<String, String> safeModel(Language language, Map<String, ?> model) {
        Map<String, String> safeModel = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : CALLER_VARIABLES) {
            Object value = model.get(name);
            if (value == null) {
                missing.add(name);
            } else {
                safeModel.put(name, value.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("model lacks " + missing);
        }
        for (String name : OPTIONAL_CALLER_VARIABLES) {
            Object value = model.get(name);
            safeModel.put(name, value == null ? "" : value.toString());
        }
        safeModel.put("languageCode", language.code());
        safeModel.put("direction", language.direction());
        return safeModel;
    }

    private static Configuration configure(Path templatesDir) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_35);
        try {
            configuration.setDirectoryForTemplateLoading(templatesDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.ROOT);
        // The language is part of the file name; FreeMarker's own locale suffixes would only add confusing lookups.
        configuration.setLocalizedLookup(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        // Problems are collected and reported once as TemplateProblems; FreeMarker's log would repeat them.
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Admins edit templates: they must not reach Java classes or the API of the objects in the model.
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        // FreeMarker only knows *.ftlh as HTML; our admins' names are *.html.ftl, which must escape just the same.
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        TemplateConfiguration plainText = new TemplateConfiguration();
        plainText.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        configuration.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"), html),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.ftl"), plainText))
                .allowNoMatch(true));
        return configuration;
    }

    /** Loads one template and renders it with sample models; returns null and records problems when it fails. */
    private static Template check(
            Configuration configuration, String event, Language language, Part part, List<String> problems) {
        String fileName = part.fileName(event, language);
        Template template;
        try {
            template = configuration.getTemplate(fileName);
        } catch (TemplateNotFoundException e) {
            problems.add(fileName + ": missing");
            return null;
        } catch (ParseException e) {
            problems.add(fileName + ": line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + collapse(e.getEditorMessage()));
            return null;
        } catch (IOException e) {
            problems.add(fileName + ": cannot be read: " + e.getMessage());
            return null;
        }
        int problemsBefore = problems.size();
        // Both samples, so that a mistake inside <#if receiptCode?has_content> is found too.
        for (String receiptCode : List.of(SAMPLE_RECEIPT_CODE, "")) {
            Map<String, String> model = safeModel(language, Map.of(
                    "reference", SAMPLE_REFERENCE,
                    "receiptCode", receiptCode,
                    "organisation", "Shahid election monitoring",
                    "mailbox", "report@shahid.test",
                    "status", receiptCode.isEmpty() ? "RESOLVED" : "INVESTIGATING",
                    "message", receiptCode.isEmpty() ? "" : "A sample message from the monitoring team.",
                    "files", receiptCode.isEmpty() ? "" : "polling-station.mp4 (video/mp4, 23.4 MB)"));
            String output;
            try {
                output = process(template, model);
            } catch (TemplateException e) {
                problems.add(fileName + ": " + oneLine(e));
                return null;
            }
            checkOutput(fileName, language, part, output, receiptCode, problems);
            if (problems.size() > problemsBefore) {
                return null;
            }
        }
        return template;
    }

    private static void checkOutput(
            String fileName, Language language, Part part, String output, String receiptCode, List<String> problems) {
        switch (part) {
            case SUBJECT -> {
                String subject = new RenderedMail(output, "", "").subject();
                // Replies are matched to the ticket by this prefix; see CONTRACT.md.
                if (!subject.startsWith("[" + SAMPLE_REFERENCE + "]")) {
                    problems.add(fileName + ": the subject must start with [${reference}]");
                }
                // The subject shows on a locked phone's screen; the receipt code is a secret.
                if (!receiptCode.isEmpty() && subject.contains(receiptCode)) {
                    problems.add(fileName + ": the subject must not show the receipt code");
                }
            }
            case TEXT -> {
                if (!output.contains(SAMPLE_REFERENCE)) {
                    problems.add(fileName + ": the text must show ${reference}");
                }
            }
            case HTML -> {
                if (!output.contains(SAMPLE_REFERENCE)) {
                    problems.add(fileName + ": the HTML must show ${reference}");
                }
                HtmlPrivacyRules.violations(output, language)
                        .forEach(violation -> problems.add(fileName + ": " + violation));
            }
        }
    }

    private static String process(Template template, Map<String, String> model) throws TemplateException {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a StringWriter", e);
        }
        return out.toString();
    }

    /** FreeMarker's message up to its tips, on one line; it already names the template, line and column. */
    private static String oneLine(TemplateException e) {
        String message = e.getMessageWithoutStackTop();
        int tips = message.indexOf("\n----");
        return collapse(tips < 0 ? message : message.substring(0, tips));
    }

    private static String collapse(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
