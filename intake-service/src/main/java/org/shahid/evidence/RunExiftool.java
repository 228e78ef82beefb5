package org.shahid.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ExifTool once, without any user configuration file, inside a work folder (its temp files and output stay
 * there and are removed), with a timeout. Used by the extraction child only. Thread-safe.
 */
final class RunExiftool {

    private final String executable;
    private final Duration timeout;

    RunExiftool(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** The tool's standard output; a non-zero exit or the timeout is an IOException. */
    String run(List<String> arguments, Path workDir) throws IOException, InterruptedException {
        return run(arguments, workDir, 0);
    }

    /**
     * As {@link #run(List, Path)}, accepting exit codes up to {@code highestAcceptedExit}: a listing of many files
     * exits 1 when one of them has no known format, and still lists all the others.
     */
    String run(List<String> arguments, Path workDir, int highestAcceptedExit)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-config", "", "-m", "-q"));
        command.addAll(arguments);
        // Its output (metadata values among it) goes through a file in the work folder, so a full pipe cannot block.
        Path printed = Files.createTempFile(workDir, "exiftool-", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(printed.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("exiftool passed " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() < 0 || process.exitValue() > highestAcceptedExit) {
                throw new IOException("exiftool exit " + process.exitValue());
            }
            return Files.readString(printed, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(printed);
        }
    }
}
