package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's Shahid runs with the repository's own jvm.options (tests run in its root), read as java reads an @file. */
class JvmOptionsTest {

    @Test
    void readsOptionsAndSkipsComments() {
        assertThat(JvmOptions.parse(List.of("# the heap", "-Xmx320m   # fixed", "", "  -Xss512k -XX:+UseG1GC")))
                .containsExactly("-Xmx320m", "-Xss512k", "-XX:+UseG1GC");
    }

    @Test
    void theRepositorysFileSetsAHeap() throws Exception {
        assertThat(JvmOptions.of(Path.of("").toAbsolutePath()))
                .anySatisfy(option -> assertThat(option).startsWith("-Xmx"));
    }

    @Test
    void theLargeCaseKeepsTheServicesOptionsWithItsOwnHeap() {
        assertThat(JvmOptions.withHeap(List.of("-Xmx320m", "-XX:+UseParallelGC"), "256m"))
                .containsExactly("-XX:+UseParallelGC", "-Xmx256m");
    }
}
