package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CONTRACT's {@code bench} verb of the packaged product jar reaches the bench jar built beside it (run by
 * failsafe after both jars are packaged, from the repository root).
 */
class BenchVerbIT {

    @Test
    void theProductsBenchVerbStartsTheBenchJar() throws Exception {
        Result help = run("java", "-jar", "intake-service/target/intake-service.jar", "bench", "--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: shahid-bench", "--quick");
    }

    @Test
    void saysHowToRunTheBenchWhenItsJarIsMissing() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "intake-service/target/intake-service.jar",
                "bench", "--quick");
        builder.environment().put("SHAHID_BENCH_JAR", Path.of("no-such-folder", "shahid-bench.jar").toString());
        Result missing = run(builder);

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output().strip()).startsWith("shahid bench: no shahid-bench.jar found")
                .contains("java -jar bench/target/shahid-bench.jar").doesNotContain("\tat ");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
