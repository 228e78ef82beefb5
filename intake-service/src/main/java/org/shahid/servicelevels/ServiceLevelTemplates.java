package org.shahid.servicelevels;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shahid.language.Language;
import org.shahid.outbound.LoadedFamily;
import org.shahid.outbound.PlainTextTemplates;
import org.shahid.outbound.RenderedMail;
import org.shahid.outbound.TemplateRenderer;

/**
 * The mails of service levels to monitors, in each monitor's first language
 * ({@code templates/sla-reminder|sla-escalation.<lang>.<subject|text>.ftl}, one per {@link Language}), plain text
 * like the other mail to monitors ({@link PlainTextTemplates}, rendered by the {@link TemplateRenderer}). Each is
 * rendered with a sample when loaded; the subject must start with the ticket's reference. Thread-safe; a checked
 * newer version is adopted while running.
 */
public final class ServiceLevelTemplates extends LoadedFamily {

    public static final String REMINDER = "sla-reminder";
    public static final String ESCALATION = "sla-escalation";

    private ServiceLevelTemplates(TemplateRenderer templates) {
        super(templates);
    }

    /** Serves {@code newer}'s templates from now on. */
    public void adopt(ServiceLevelTemplates newer) {
        adoptFrom(newer);
    }

    public static ServiceLevelTemplates load(Path templatesDir) {
        return new ServiceLevelTemplates(PlainTextTemplates.load(templatesDir, new PlainTextTemplates.Family(
                "service level", List.of(REMINDER, ESCALATION), event -> sample(), Set.of(REMINDER, ESCALATION))));
    }

    /** Renders {@code event} in {@code language} (English when the language has no template). */
    public RenderedMail render(String event, String language, Map<String, ?> model) {
        return render(event, Language.fromCode(language).orElse(Language.ENGLISH), model);
    }

    static Map<String, Object> sample() {
        return Map.of("reference", PlainTextTemplates.SAMPLE_REFERENCE, "measure", "first-action",
                "due", "2026-05-11T10:00:00Z", "mailbox", "report", "category", "hate-speech");
    }
}
