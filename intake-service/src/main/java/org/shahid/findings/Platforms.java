package org.shahid.findings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shahid.language.Language;

/**
 * The platforms and their trusted-partner addresses, read once from the file admins edit
 * ({@code shahid.monitoring.platforms-file}) and checked with Hibernate Validator. Immutable and thread-safe.
 */
public final class Platforms {

    private final List<Platform> platforms;

    public Platforms(List<Platform> platforms) {
        this.platforms = List.copyOf(platforms);
    }

    public static Platforms load(Path file) {
        Map<?, ?> document = MonitoringFile.readMap(file);
        List<String> problems = new ArrayList<>();
        List<Platform> platforms = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<?> entries = MonitoringFile.list(document.get("platforms"));
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = MonitoringFile.map(entries.get(i));
            Platform platform = new Platform(MonitoringFile.text(entry.get("id")),
                    MonitoringFile.text(entry.get("name")), MonitoringFile.text(entry.get("trusted-partner-address")),
                    MonitoringFile.list(entry.get("hosts")).stream().map(MonitoringFile::text).toList(),
                    entry.get("language") == null ? Language.ENGLISH.code() : MonitoringFile.text(entry.get("language")));
            String where = "platforms[" + i + "]";
            problems.addAll(MonitoringFile.problems(where, platform));
            if (!ids.add(String.valueOf(platform.id()))) {
                problems.add(where + ".id: " + platform.id() + " is listed twice");
            }
            platforms.add(platform);
        }
        MonitoringFile.failOn(file, problems);
        return new Platforms(platforms);
    }

    public List<Platform> platforms() {
        return platforms;
    }

    public Optional<Platform> find(String id) {
        return platforms.stream().filter(platform -> platform.id().equals(id)).findFirst();
    }

    /** The platform a URL is a page of. */
    public Optional<Platform> hosting(String url) {
        return platforms.stream().filter(platform -> platform.hosts(url)).findFirst();
    }
}
