package org.shahid.findings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The register of key actors, read once from the file admins edit ({@code shahid.monitoring.actors-file}) and
 * checked with Hibernate Validator and against the declaration's groups; an edited file is adopted while running
 * ({@link #adopt}) once it passed the same checks. Thread-safe.
 */
public final class ActorRegister {

    /** Swapped whole by {@link #adopt}. */
    private volatile List<Actor> actors;

    public ActorRegister(List<Actor> actors) {
        this.actors = List.copyOf(actors);
    }

    /** Serves {@code newer}'s actors from now on (it was loaded and checked in full). */
    public void adopt(ActorRegister newer) {
        this.actors = newer.actors;
    }

    public static ActorRegister load(Path file, Declaration declaration) {
        Map<?, ?> document = MonitoringFile.readMap(file);
        List<String> problems = new ArrayList<>();
        List<Actor> actors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<?> entries = MonitoringFile.list(document.get("actors"));
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = MonitoringFile.map(entries.get(i));
            Actor actor = new Actor(MonitoringFile.text(entry.get("id")), MonitoringFile.text(entry.get("group")),
                    MonitoringFile.text(entry.get("name")),
                    MonitoringFile.list(entry.get("accounts")).stream().map(MonitoringFile::text).toList());
            String where = "actors[" + i + "]";
            problems.addAll(MonitoringFile.problems(where, actor));
            if (actor.group() != null && declaration.group(actor.group()).isEmpty()) {
                problems.add(where + ".group: " + actor.group() + " is not a group of the declaration");
            }
            if (!ids.add(String.valueOf(actor.id()))) {
                problems.add(where + ".id: " + actor.id() + " is listed twice");
            }
            actors.add(actor);
        }
        MonitoringFile.failOn(file, problems);
        return new ActorRegister(actors);
    }

    public List<Actor> actors() {
        return actors;
    }

    public Optional<Actor> find(String id) {
        return actors.stream().filter(actor -> actor.id().equals(id)).findFirst();
    }

    /** The first registered actor owning one of the reported URLs: a suggestion for the monitors. */
    public Optional<Actor> suggestFor(List<String> reportedUrls) {
        List<Actor> actors = this.actors;
        for (String url : reportedUrls) {
            Optional<Actor> owner = actors.stream().filter(actor -> actor.owns(url)).findFirst();
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }
}
