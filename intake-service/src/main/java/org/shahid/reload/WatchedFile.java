package org.shahid.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated file-backed thing admins edit (templates, roster, category rules, service levels…): a file or a
 * folder, a loader that reads and checks it in full (throwing with the problem), and the step that makes the
 * running service adopt a version that passed. A change that fails the check is refused with one log line naming
 * the file and the problem, and the previous version keeps serving. Thread-safe: one reloader thread checks it.
 */
public final class WatchedFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    /** What a check of the file found. */
    public enum Outcome { UNCHANGED, ADOPTED, REFUSED }

    private final String name;
    private final Path path;
    private final Function<Path, T> load;
    private final Consumer<T> adopt;
    private volatile String fingerprint;

    private WatchedFile(String name, Path path, Function<Path, T> load, Consumer<T> adopt) {
        this.name = name;
        this.path = path;
        this.load = load;
        this.adopt = adopt;
        this.fingerprint = fingerprintOf(path);
    }

    /** Watches {@code path} as it is now (the running service loaded this version at start). */
    public static <T> WatchedFile<T> of(String name, Path path, Function<Path, T> load, Consumer<T> adopt) {
        return new WatchedFile<>(name, path, load, adopt);
    }

    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    /** Whether the version on disk is the one last adopted or refused (no change waits for a check). */
    public boolean isUpToDate() {
        return fingerprintOf(path).equals(fingerprint);
    }

    /** Loads and checks the file as it is on disk, without adopting it; throws with the problem. */
    public T check() {
        return load.apply(path);
    }

    /** Adopts the file's current content if it changed and passes its check; refuses it otherwise. */
    public Outcome reloadIfChanged() {
        String current = fingerprintOf(path);
        if (current.equals(fingerprint)) {
            return Outcome.UNCHANGED;
        }
        // Remembered either way: a refused version is reported once, not on every check until it is fixed.
        fingerprint = current;
        T loaded;
        try {
            loaded = load.apply(path);
        } catch (RuntimeException problem) {
            LOG.warn("Reload of {} ({}) refused, the previous version keeps serving: {}", name, path,
                    oneLine(problem));
            return Outcome.REFUSED;
        }
        adopt.accept(loaded);
        LOG.info("Reloaded {} from {}", name, path);
        return Outcome.ADOPTED;
    }

    static String oneLine(RuntimeException problem) {
        String message = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
        return String.join("; ", message.strip().lines().map(String::strip).toList());
    }

    /** SHA-256 over the names and contents of the file or of every file below the folder. */
    static String fingerprintOf(Path path) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    digest.update(path.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(file));
                }
            } else if (Files.isRegularFile(path)) {
                digest.update(Files.readAllBytes(path));
            } else {
                return "missing";
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            // A file being replaced right now; the next check sees it whole.
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
