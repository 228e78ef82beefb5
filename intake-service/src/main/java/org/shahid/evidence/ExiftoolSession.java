package org.shahid.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One long-lived ExifTool ({@code -stay_open}) for the listings of the check by difference: starting Perl and
 * ExifTool's modules costs about as much as a listing, and the check lists twice per file. Commands go on its
 * stdin, one argument a line; each answer ends with {@code {readyN}}. A command that passes the timeout kills the
 * process, and the next command starts a fresh one. Used only by the extraction child; not thread-safe.
 */
final class ExiftoolSession implements AutoCloseable {

    private final String executable;
    private final Duration timeout;
    private final Path workDir;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "exiftool-session-reader");
        thread.setDaemon(true);
        return thread;
    });
    private Process process;
    private Writer commands;
    private BufferedReader answers;
    private int sequence;

    ExiftoolSession(String executable, Duration timeout, Path workDir) {
        this.executable = executable;
        this.timeout = timeout;
        this.workDir = workDir;
    }

    /** Runs one command (without {@code -execute}) and returns its standard output. */
    String run(List<String> arguments) throws IOException, InterruptedException {
        for (String argument : arguments) {
            if (argument.contains("\n") || argument.contains("\r")) {
                throw new IOException("an ExifTool argument cannot span lines");
            }
        }
        ensureRunning();
        int number = ++sequence;
        for (String argument : arguments) {
            commands.write(argument);
            commands.write('\n');
        }
        commands.write("-execute" + number + "\n");
        commands.flush();
        String ready = "{ready" + number + "}";
        Future<String> answer = reader.submit(() -> {
            StringBuilder output = new StringBuilder();
            String line;
            while ((line = answers.readLine()) != null) {
                if (line.equals(ready)) {
                    return output.toString();
                }
                output.append(line).append('\n');
            }
            throw new IOException("exiftool ended");
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            stop();
            throw new IOException("exiftool passed " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            stop();
            throw new IOException("exiftool failed", e.getCause());
        }
    }

    private void ensureRunning() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        process = new ProcessBuilder(executable, "-config", "", "-stay_open", "True", "-@", "-")
                .directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                commands.write("-stay_open\nFalse\n");
                commands.flush();
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // destroyed below
            }
        }
        stop();
        reader.shutdownNow();
    }
}
