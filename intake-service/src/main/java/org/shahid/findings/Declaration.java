package org.shahid.findings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declaration's commitments grouped by actor group, read once from the file admins edit
 * ({@code shahid.monitoring.declaration-file}) and checked with Hibernate Validator; ids are unique across the
 * file. Immutable and thread-safe.
 */
public final class Declaration {

    private final List<ActorGroup> groups;

    public Declaration(List<ActorGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    public static Declaration load(Path file) {
        Map<?, ?> document = MonitoringFile.readMap(file);
        List<String> problems = new ArrayList<>();
        List<ActorGroup> groups = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<?> entries = MonitoringFile.list(document.get("groups"));
        if (entries.isEmpty()) {
            problems.add("no groups: expected a list under 'groups:'");
        }
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = MonitoringFile.map(entries.get(i));
            List<Commitment> commitments = new ArrayList<>();
            for (Object item : MonitoringFile.list(entry.get("commitments"))) {
                Map<?, ?> commitment = MonitoringFile.map(item);
                commitments.add(new Commitment(MonitoringFile.text(commitment.get("id")),
                        new Wording(MonitoringFile.texts(commitment.get("text")))));
            }
            ActorGroup group = new ActorGroup(MonitoringFile.text(entry.get("id")),
                    Boolean.parseBoolean(MonitoringFile.text(entry.get("named-in-findings"))),
                    new Wording(MonitoringFile.texts(entry.get("name"))), commitments);
            String where = "groups[" + i + "]";
            problems.addAll(MonitoringFile.problems(where, group));
            if (!ids.add(String.valueOf(group.id()))) {
                problems.add(where + ".id: " + group.id() + " is listed twice");
            }
            for (Commitment commitment : commitments) {
                if (!ids.add(String.valueOf(commitment.id()))) {
                    problems.add(where + ".commitments: " + commitment.id() + " is listed twice");
                }
            }
            groups.add(group);
        }
        MonitoringFile.failOn(file, problems);
        return new Declaration(groups);
    }

    public List<ActorGroup> groups() {
        return groups;
    }

    public Optional<ActorGroup> group(String groupId) {
        return groups.stream().filter(group -> group.id().equals(groupId)).findFirst();
    }

    /** The group a commitment belongs to. */
    public Optional<ActorGroup> groupOf(String commitmentId) {
        return groups.stream().filter(group -> group.commitment(commitmentId).isPresent()).findFirst();
    }
}
