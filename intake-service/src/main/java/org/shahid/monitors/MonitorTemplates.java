package org.shahid.monitors;

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
 * The templates of mail to monitors ({@code templates/<event>.<lang>.<subject|text>.ftl}, one per
 * {@link Language}; each monitor reads the first language of their roster entry): notifications, digests,
 * answers to commands, refusals, requested evidence, the leads' weekly findings, and the trusted-partner
 * escalations to platforms. Plain text on purpose: monitors reply from phones, and plain text quotes
 * predictably, which keeps the quoted notification out of what is relayed to reporters. Unlike the reporters'
 * {@code TemplateCatalog} these get structured models (evidence lists, ticket lists). Every template is rendered
 * with a sample at start, and again before a changed file is adopted while running ({@link TemplateRenderer});
 * the words of command problems are checked in every language with them ({@link CommandProblemWording}).
 * Thread-safe.
 */
public final class MonitorTemplates extends LoadedFamily {

    public static final String TICKET_NOTIFICATION = "ticket-notification";
    public static final String MONITOR_DIGEST = "monitor-digest";
    public static final String COMMAND_PROBLEMS = "command-problems";
    public static final String REPLY_REFUSED = "reply-refused";
    public static final String REPLY_KEY_EXPIRED = "reply-key-expired";
    public static final String WEEKLY_FINDINGS = "weekly-findings";
    public static final String MONITOR_EVIDENCE = "monitor-evidence";
    public static final String PLATFORM_ESCALATION = "platform-escalation";

    /** The words of command problems, loaded and adopted with the templates. */
    private volatile CommandProblemWording problemWording;

    private MonitorTemplates(TemplateRenderer templates, CommandProblemWording problemWording) {
        super(templates);
        this.problemWording = problemWording;
    }

    /** Serves {@code newer}'s templates from now on (they were loaded and checked in full). */
    public void adopt(MonitorTemplates newer) {
        adoptFrom(newer);
        this.problemWording = newer.problemWording;
    }

    public static MonitorTemplates load(Path templatesDir) {
        return new MonitorTemplates(PlainTextTemplates.load(templatesDir, new PlainTextTemplates.Family("monitor",
                List.of(TICKET_NOTIFICATION, MONITOR_DIGEST, COMMAND_PROBLEMS, REPLY_REFUSED, REPLY_KEY_EXPIRED,
                        WEEKLY_FINDINGS, MONITOR_EVIDENCE, PLATFORM_ESCALATION),
                MonitorSamples::of, Set.of(TICKET_NOTIFICATION, COMMAND_PROBLEMS, REPLY_KEY_EXPIRED, MONITOR_EVIDENCE),
                // The platform's answer is threaded back by this reference in its subject.
                Map.of(PLATFORM_ESCALATION, new PlainTextTemplates.SubjectMark("[ESC-0123456789AB]",
                        "[${escalationReference}]")))), CommandProblemWording.load(templatesDir));
    }

    /** Renders the English version. */
    public RenderedMail render(String event, Map<String, ?> model) {
        return render(event, Language.ENGLISH, model);
    }

    /** The problems worded in the language, as the {@code command-problems} mail lists them. */
    public List<String> word(List<CommandProblem> problems, Language language) {
        return problemWording.word(problems, language);
    }
}
