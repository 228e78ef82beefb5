package org.shahid.admin;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench}: starts the benchmark, which is a jar of its own ({@code bench/target/shahid-bench.jar}, built by
 * the same {@code mvn package}) so that the product carries no Dovecot launcher or TCP proxy. Every argument is
 * passed on; the bench's exit code is this verb's. Reads {@code shahid.bench.jar}; without it the bench jar is
 * looked for beside this jar and in the repository's {@code bench/target/}.
 */
@Command(name = "bench", description = {"Benchmark Shahid against the raw limit of the machine (shahid-bench.jar;"
        + " `bench --help` for its options)."})
public final class BenchCommand implements Callable<Integer> {

    static final String BENCH_JAR = "shahid-bench.jar";

    @ParentCommand
    ShahidCommand shahid;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Optional<Path> jar = benchJar(shahid.settings().text("shahid.bench.jar", ""));
        if (jar.isEmpty()) {
            throw new IllegalArgumentException("no " + BENCH_JAR + " found; build it with `mvn -B -DskipTests package`"
                    + " in the repository and run `java -jar bench/target/" + BENCH_JAR + " [--quick]`"
                    + " (or set SHAHID_BENCH_JAR)");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.get().toString()));
        command.addAll(arguments);
        // The bench's own output is the verb's output; its child JVMs inherit the environment.
        Process bench = new ProcessBuilder(command).inheritIO().start();
        return bench.waitFor();
    }

    static Optional<Path> benchJar(String configured) throws URISyntaxException {
        if (!configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        Path here = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path folder = here.getParent(); folder != null; folder = folder.getParent()) {
            for (Path candidate : List.of(folder.resolve(BENCH_JAR),
                    folder.resolve("bench").resolve("target").resolve(BENCH_JAR))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
            if (Files.exists(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("bench"))) {
                break; // the repository root: look no higher
            }
        }
        return Optional.empty();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
