package org.shahid.outbound;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.shahid.language.Language;

/**
 * Loads one {@link TemplateFamily} from a folder with the {@link SandboxedFreemarker} configuration, renders
 * every template with the family's samples and holds it to the family's rules, and renders mail from it.
 * Thread-safe; {@link #adopt} swaps in a newer, fully checked load while running ({@code reload/ReloadChangedFiles}).
 */
public final class TemplateRenderer implements MailTemplates {

    private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final TemplateFamily family;

    /** Swapped whole by {@link #adopt}: a render sees the old set or the new one, never a mix. */
    private volatile Map<String, Map<Language, Map<TemplatePart, Template>>> templates;

    private TemplateRenderer(TemplateFamily family, Map<String, Map<Language, Map<TemplatePart, Template>>> templates) {
        this.family = family;
        this.templates = templates;
    }

    /**
     * Loads and checks every part of every event of {@code family} in every language.
     *
     * @throws TemplateProblems listing every missing or broken file, not only the first
     */
    public static TemplateRenderer load(Path templatesDir, TemplateFamily family) throws TemplateProblems {
        Objects.requireNonNull(templatesDir, "templatesDir");
        if (family.events().isEmpty()) {
            throw new IllegalArgumentException("no events given");
        }
        for (String event : family.events()) {
            // Event names become file names; refuse anything that could climb out of the folder.
            if (!EVENT_NAME.matcher(event).matches()) {
                throw new IllegalArgumentException("event name must be lower-case letters, digits and '-': " + event);
            }
        }
        if (!Files.isDirectory(templatesDir)) {
            throw new TemplateProblems(templatesDir, List.of(templatesDir + ": not a folder"));
        }
        Configuration configuration;
        try {
            configuration = SandboxedFreemarker.forFolder(templatesDir);
        } catch (IOException e) {
            throw new TemplateProblems(templatesDir, List.of(templatesDir + ": cannot be read"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Map<Language, Map<TemplatePart, Template>>> loaded = new LinkedHashMap<>();
        for (String event : new LinkedHashSet<>(family.events())) {
            Map<Language, Map<TemplatePart, Template>> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                Map<TemplatePart, Template> parts = new EnumMap<>(TemplatePart.class);
                for (TemplatePart part : family.parts()) {
                    Template template = check(configuration, family, event, language, part, problems);
                    if (template != null) {
                        parts.put(part, template);
                    }
                }
                byLanguage.put(language, Collections.unmodifiableMap(parts));
            }
            loaded.put(event, Collections.unmodifiableMap(byLanguage));
        }
        if (!problems.isEmpty()) {
            throw new TemplateProblems(templatesDir, problems);
        }
        return new TemplateRenderer(family, Collections.unmodifiableMap(loaded));
    }

    /** Serves {@code newer}'s templates from now on (it was loaded and checked in full). */
    public void adopt(TemplateRenderer newer) {
        this.templates = newer.templates;
    }

    @Override
    public List<String> events() {
        return List.copyOf(templates.keySet());
    }

    @Override
    public RenderedMail render(String event, Language language, Map<String, ?> model) {
        Map<Language, Map<TemplatePart, Template>> byLanguage = templates.get(event);
        if (byLanguage == null) {
            throw new IllegalArgumentException("unknown event '" + event + "'; known: " + templates.keySet());
        }
        Map<TemplatePart, Template> parts = byLanguage.get(Objects.requireNonNull(language, "language"));
        Map<String, ?> familyModel = family.model(language, model);
        try {
            Template html = parts.get(TemplatePart.HTML);
            return new RenderedMail(process(parts.get(TemplatePart.SUBJECT), familyModel),
                    process(parts.get(TemplatePart.TEXT), familyModel), html == null ? "" : process(html, familyModel));
        } catch (TemplateException e) {
            // The templates rendered at load with the same variables, so this is a bug, not an admin's typo.
            throw new IllegalStateException(family.noun() + " template " + event + " failed at render time: " + oneLine(e));
        }
    }

    /** Loads one template and renders it with every sample; returns null and records problems when it fails. */
    private static Template check(Configuration configuration, TemplateFamily family, String event, Language language,
                                  TemplatePart part, List<String> problems) {
        String fileName = part.fileName(event, language);
        Template template;
        try {
            template = configuration.getTemplate(fileName);
        } catch (IOException e) {
            problems.add(family.describeFailure(fileName, e));
            return null;
        }
        int problemsBefore = problems.size();
        for (Map<String, ?> sample : family.samples(event, language)) {
            String output;
            try {
                output = process(template, family.model(language, sample));
            } catch (TemplateException e) {
                problems.add(family.describeFailure(fileName, e));
                return null;
            }
            family.checkOutput(fileName, event, language, part, output, sample, problems);
            if (problems.size() > problemsBefore) {
                return null;
            }
        }
        return template;
    }

    private static String process(Template template, Map<String, ?> model) throws TemplateException {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a StringWriter", e);
        }
        return out.toString();
    }

    /** FreeMarker's message up to its tips, on one line; it already names the template, line and column. */
    static String oneLine(TemplateException e) {
        String message = e.getMessageWithoutStackTop();
        int tips = message.indexOf("\n----");
        return collapse(tips < 0 ? message : message.substring(0, tips));
    }

    static String collapse(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
