package org.shahid.monitors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.shahid.findings.Actor;
import org.shahid.findings.ActorGroup;
import org.shahid.findings.Finding;
import org.shahid.findings.FindingDao;
import org.shahid.findings.MonitoringData;
import org.shahid.language.Language;

/**
 * What a notification shows monitors to record a finding with: the registered actor owning a URL the report
 * names (in its text or its evidence), and the commitments of that actor's group (or of the group the ticket's
 * finding already has) as the menu for {@code #commitment}, in each monitor's language. Called by
 * {@link NotifyMonitors}. Thread-safe.
 */
public final class SuggestActor {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')\\]]+");

    /** The actor a ticket's URLs suggest and the group whose commitments are the menu; either may be absent. */
    public record Suggestion(Optional<Actor> registered, Optional<ActorGroup> group) {

        /**
         * The template values {@code registeredActor}, {@code registeredActorName}, {@code commitmentGroup},
         * {@code commitmentGroupName} and {@code commitments}, worded in {@code language}.
         */
        public Map<String, Object> model(Language language) {
            Map<String, Object> model = new HashMap<>();
            model.put("registeredActor", registered.map(Actor::id).orElse(""));
            model.put("registeredActorName", registered.map(Actor::name).orElse(""));
            model.put("commitmentGroup", group.map(ActorGroup::id).orElse(""));
            model.put("commitmentGroupName", group.map(found -> found.name().in(language).strip()).orElse(""));
            model.put("commitments", group.map(found -> CommitmentMenu.commitments(found, language))
                    .orElse(List.of()));
            return model;
        }
    }

    private final MonitoringData monitoring;
    private final FindingDao findings;

    public SuggestActor(MonitoringData monitoring, FindingDao findings) {
        this.monitoring = monitoring;
        this.findings = findings;
    }

    /** What a ticket's text, its evidence's URLs and its finding suggest. */
    public Suggestion suggest(Handle handle, long ticketId, String text) {
        List<String> urls = urlsOf(text);
        urls.addAll(handle.createQuery("SELECT value FROM evidence_key WHERE ticket_id = :id AND kind = 'URL'"
                + " ORDER BY id").bind("id", ticketId).mapTo(String.class).list());
        Optional<Actor> registered = monitoring.actors().suggestFor(urls);
        Optional<ActorGroup> group = findings.find(handle, ticketId).map(Finding::actorGroup)
                .or(() -> registered.map(Actor::group)).flatMap(id -> monitoring.declaration().group(id));
        return new Suggestion(registered, group);
    }

    /** What the text alone suggests: for a ticket opened in this transaction, which has no evidence or finding yet. */
    public Suggestion suggestFromText(String text) {
        Optional<Actor> registered = monitoring.actors().suggestFor(urlsOf(text));
        return new Suggestion(registered, registered.map(Actor::group).flatMap(id -> monitoring.declaration().group(id)));
    }

    private static List<String> urlsOf(String text) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = URL.matcher(text == null ? "" : text);
        while (matcher.find()) {
            urls.add(matcher.group());
        }
        return urls;
    }
}
