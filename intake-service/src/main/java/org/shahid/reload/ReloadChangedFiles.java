package org.shahid.reload;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks every watched file admins edit and adopts the changed ones that pass their checks (see
 * {@link WatchedFile}). Called by the {@code reload-files} route of each instance every
 * {@code shahid.reload.check-interval-ms}; each instance reloads its own copy. Adding a file is one
 * {@link #watch} line where the service is wired. Thread-safe.
 */
public final class ReloadChangedFiles {

    private final List<WatchedFile<?>> files = new CopyOnWriteArrayList<>();

    public ReloadChangedFiles watch(WatchedFile<?> file) {
        files.add(file);
        return this;
    }

    public List<WatchedFile<?>> files() {
        return List.copyOf(files);
    }

    /** Returns how many files were adopted in this check. */
    public int check() {
        int adopted = 0;
        for (WatchedFile<?> file : files) {
            if (file.reloadIfChanged() == WatchedFile.Outcome.ADOPTED) {
                adopted++;
            }
        }
        return adopted;
    }
}
