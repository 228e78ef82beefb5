package org.shahid.outbound;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shahid.language.Language;

/**
 * The acknowledgement templates admins edit ({@code templates/<event>.<lang>.<subject|text|html>.ftl}), loaded and
 * checked once at start by the {@link TemplateRenderer}: every event in every {@link Language}, each rendered with
 * two sample models and held to the privacy rules in {@code templates/README.md}. Only {@link #CALLER_VARIABLES}
 * and {@link #OPTIONAL_CALLER_VARIABLES} are taken from a model; {@code languageCode} and {@code direction} come
 * from the language rendered. Thread-safe; a checked edit on disk is adopted while running
 * ({@code reload/ReloadChangedFiles}).
 */
public final class TemplateCatalog extends LoadedFamily {

    /** Variables the caller supplies; anything else in a model is dropped so a template cannot leak it. */
    public static final List<String> CALLER_VARIABLES = List.of("reference", "receiptCode", "organisation", "mailbox");

    /**
     * Variables a caller may supply (status updates to reporters); "" when absent, so acknowledgements need not
     * know them. {@code status} is a ticket status name such as {@code INVESTIGATING}; {@code message} is text a
     * monitor wrote to the reporter; {@code files} lists, one per line, the files of a mail too large to fetch, and
     * {@code largeFilesChannel} is the other way to send them that admins name (shahid.reporters.large-files-channel).
     */
    public static final List<String> OPTIONAL_CALLER_VARIABLES = List.of("status", "message", "files",
            "largeFilesChannel");

    /** Variables the catalog fills from the {@link Language} being rendered. */
    public static final List<String> LANGUAGE_VARIABLES = List.of("languageCode", "direction");

    private static final String SAMPLE_REFERENCE = "SHD-7K3M-Q9XR-2BTA";
    private static final String SAMPLE_RECEIPT_CODE = "RC-4WQ8-ZP2M";

    private TemplateCatalog(TemplateRenderer renderer) {
        super(renderer);
    }

    /**
     * Loads and checks the templates of every event in every language.
     *
     * @throws TemplateProblems listing every missing or broken file, not only the first
     */
    public static TemplateCatalog load(Path templatesDir, Collection<String> events) throws TemplateProblems {
        return new TemplateCatalog(TemplateRenderer.load(templatesDir, new ReporterFamily(List.copyOf(events))));
    }

    /** Serves {@code newer}'s templates from now on (it was loaded and checked in full). */
    public void adopt(TemplateCatalog newer) {
        adoptFrom(newer);
    }

    /** The reporters' mail: subject, text and HTML, with a model cut down to the variables above. */
    private record ReporterFamily(List<String> events) implements TemplateFamily {

        @Override
        public String noun() {
            return "reporter";
        }

        @Override
        public List<TemplatePart> parts() {
            return List.of(TemplatePart.SUBJECT, TemplatePart.TEXT, TemplatePart.HTML);
        }

        @Override
        public List<Map<String, ?>> samples(String event, Language language) {
            List<Map<String, ?>> samples = new ArrayList<>();
            // Both samples, so that a mistake inside <#if receiptCode?has_content> is found too.
            for (String receiptCode : List.of(SAMPLE_RECEIPT_CODE, "")) {
                samples.add(Map.of(
                        "reference", SAMPLE_REFERENCE,
                        "receiptCode", receiptCode,
                        "organisation", "Shahid election monitoring",
                        "mailbox", "report@shahid.test",
                        "status", receiptCode.isEmpty() ? "RESOLVED" : "INVESTIGATING",
                        "message", receiptCode.isEmpty() ? "" : "A sample message from the monitoring team.",
                        "files", receiptCode.isEmpty() ? "" : "polling-station.mp4 (video/mp4, 23.4 MB)",
                        "largeFilesChannel", receiptCode.isEmpty() ? "" : "https://upload.shahid.test"));
            }
            return samples;
        }

        @Override
        public Map<String, ?> model(Language language, Map<String, ?> model) {
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

        @Override
        public void checkOutput(String fileName, String event, Language language, TemplatePart part, String output,
                                Map<String, ?> sample, List<String> problems) {
            String receiptCode = (String) sample.get("receiptCode");
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
    }
}
