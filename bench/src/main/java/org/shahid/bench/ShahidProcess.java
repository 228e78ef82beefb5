package org.shahid.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Shahid in a JVM of its own ({@link ShahidUnderBench}), started with the bench's classpath and the given JVM
 * options, driven over its standard input: stop and start a route, reset and read its memory peaks. Its log goes
 * to a file in the bench folder. Not thread-safe.
 */
final class ShahidProcess implements AutoCloseable {

    /** What the child's JVM measured: peak heap, peak RSS and the heap's limit, in bytes. */
    record Peaks(long heap, long resident, long maxHeap) {
    }

    /** The child JVM's CPU time and the JIT compilers' time so far, in milliseconds. */
    record Work(long cpuMillis, long compileMillis) {
        Work since(Work before) {
            return new Work(cpuMillis - before.cpuMillis, compileMillis - before.compileMillis);
        }
    }

    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;
    private int pushPort;

    private ShahidProcess(Process process) {
        this.process = process;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                true);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ShahidProcess start(Map<String, String> settings, List<String> jvmOptions, Path folder, String name)
            throws IOException {
        Path settingsFile = folder.resolve(name + ".properties");
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer file = Files.newBufferedWriter(settingsFile, StandardCharsets.UTF_8)) {
            properties.store(file, "settings of the bench's Shahid");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShahidUnderBench.class.getName(),
                settingsFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(folder.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SHAHID_"));
        Process process = builder.start();
        ShahidProcess shahid = new ShahidProcess(process);
        String ready;
        try {
            ready = shahid.awaitAnswer();
        } catch (IOException e) {
            ready = e.getMessage();
        }
        if (!ready.startsWith("ready ")) {
            process.destroyForcibly();
            throw new IllegalStateException("Shahid did not start (" + ready + "); see " + folder.resolve(name + ".log"));
        }
        shahid.pushPort = Integer.parseInt(ready.substring("ready ".length()).trim());
        return shahid;
    }

    int pushPort() {
        return pushPort;
    }

    long pid() {
        return process.pid();
    }

    void stopRoute(String routeId) throws IOException {
        expectOk(ask("stop-route " + routeId));
    }

    void startRoute(String routeId) throws IOException {
        expectOk(ask("start-route " + routeId));
    }

    void resetPeaks() throws IOException {
        expectOk(ask("reset-peaks"));
    }

    Peaks peaks() throws IOException {
        String[] words = ask("peaks").split(" ");
        return new Peaks(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]));
    }

    Work work() throws IOException {
        String[] words = ask("work").split(" ");
        return new Work(Long.parseLong(words[1]), Long.parseLong(words[2]));
    }

    private String ask(String command) throws IOException {
        commands.println(command);
        return awaitAnswer();
    }

    private String awaitAnswer() throws IOException {
        String line;
        while ((line = answers.readLine()) != null) {
            if (line.startsWith(ShahidUnderBench.ANSWER)) {
                return line.substring(ShahidUnderBench.ANSWER.length());
            }
        }
        throw new IOException("Shahid's JVM ended (exit " + exitValueOrRunning() + ")");
    }

    private String exitValueOrRunning() {
        return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
    }

    private static void expectOk(String answer) throws IOException {
        if (!answer.equals("ok")) {
            throw new IOException("Shahid's JVM answered: " + answer);
        }
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        commands.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
