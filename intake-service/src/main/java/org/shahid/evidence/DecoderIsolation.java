package org.shahid.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the image decoders ({@link RunImageDecoder}) are started without network: {@code unshare -n} (a network
 * namespace, as root) or {@code unshare -r -n} (one inside a user namespace), whichever works here, found by
 * running {@code /bin/true} under each. A container with Docker's default seccomp profile refuses both: then
 * pixel re-encoding is unavailable ({@link PixelReencodingAvailability} says so). Thread-safe (immutable).
 */
public final class DecoderIsolation {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final int MAX_REFUSAL_CHARS = 160;

    /** What the probe found: the command prefix that isolates, or why none does. */
    public record Outcome(List<String> command, String refusal) {

        public boolean available() {
            return !command.isEmpty();
        }
    }

    private final Path unshare;

    /** With {@code unshare} at {@code unshare} (tests point it at a command that fails). */
    DecoderIsolation(Path unshare) {
        this.unshare = unshare;
    }

    /** The system's {@code /usr/bin/unshare}. */
    public static DecoderIsolation ofSystem() {
        return new DecoderIsolation(UNSHARE);
    }

    /** Tries each way in turn; the first under which {@code /bin/true} succeeds wins. */
    public Outcome probe() {
        if (!Files.isExecutable(unshare)) {
            return new Outcome(List.of(), unshare + " is not installed (Debian: util-linux)");
        }
        String refusal = "";
        for (List<String> candidate : List.of(List.of(unshare.toString(), "-n"),
                List.of(unshare.toString(), "-r", "-n"))) {
            Optional<String> refused = refusalOf(candidate);
            if (refused.isEmpty()) {
                return new Outcome(candidate, "");
            }
            refusal = refused.get();
        }
        return new Outcome(List.of(), "no network namespace for the decoders (unshare -n and unshare -r -n refused: "
                + refusal + ")");
    }

    /** Empty when {@code /bin/true} ran under {@code isolation}; else what went wrong, in one bounded line. */
    private static Optional<String> refusalOf(List<String> isolation) {
        List<String> command = new ArrayList<>(isolation);
        command.add("/bin/true");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("no answer in 10 s");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            // A refusal is one short line: it fits the pipe, so reading after the exit cannot block.
            byte[] said = process.getInputStream().readNBytes(4096);
            String line = new String(said, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            line = line.length() > MAX_REFUSAL_CHARS ? line.substring(0, MAX_REFUSAL_CHARS) : line;
            return Optional.of(line.isEmpty() ? "exit " + process.exitValue() : line);
        } catch (IOException notStarted) {
            return Optional.of(notStarted.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
