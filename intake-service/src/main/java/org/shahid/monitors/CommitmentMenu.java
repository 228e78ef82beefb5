package org.shahid.monitors;

import java.util.List;
import java.util.Map;
import org.shahid.findings.ActorGroup;
import org.shahid.language.Language;

/**
 * An actor group's commitments as the menu a monitor picks {@code #commitment} from, worded in the monitor's
 * language: the template values {@code group} (its id), {@code groupName} and {@code commitments} (each
 * {@code id} and {@code text}). Shown by the notification and the digest. Stateless and thread-safe.
 */
final class CommitmentMenu {

    private CommitmentMenu() {
    }

    static Map<String, Object> of(ActorGroup group, Language language) {
        return Map.of("group", group.id(), "groupName", group.name().in(language).strip(),
                "commitments", commitments(group, language));
    }

    static List<Map<String, Object>> commitments(ActorGroup group, Language language) {
        return group.commitments().stream().<Map<String, Object>>map(commitment -> Map.of("id", commitment.id(),
                "text", commitment.text().in(language).strip())).toList();
    }
}
