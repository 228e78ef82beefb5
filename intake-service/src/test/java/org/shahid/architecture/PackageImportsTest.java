package org.shahid.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shahid.config.ShahidService;

/**
 * The house rules of the packages, read from the compiled classes: the command line ({@code admin}) on top, the
 * composition root ({@code config}) under it, the domain packages below, and the kernel ({@code kernel}, with the
 * neutral {@code language}) at the bottom. No import runs back up, and no set of packages imports itself round.
 */
class PackageImportsTest {

    private static PackageImports shahid;

    @BeforeAll
    static void readTheCompiledClasses() throws URISyntaxException {
        shahid = PackageImports.readFrom(
                Path.of(ShahidService.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    @Test
    void readsTheImportsOfTheCompiledClasses() {
        assertThat(shahid.importsOf("admin")).contains("config", "tickets");
        assertThat(shahid.importsOf("config")).contains("intake", "outbound", "monitors", "kernel");
    }

    @Test
    void noPackageImportsItselfRoundAboutOthers() {
        assertThat(shahid.cycle()).isEmpty();
    }

    @Test
    void nothingImportsTheCommandLine() {
        assertThat(shahid.importersOf("admin")).isEmpty();
    }

    @Test
    void onlyTheCommandLineImportsTheCompositionRoot() {
        assertThat(shahid.importersOf("config")).containsOnly("admin");
    }

    @Test
    void intakeQueuesMailThroughItsOwnStepsWithoutKnowingTheOutboxOrTheMonitors() {
        // The acknowledgement and the monitors' notice are steps intake declares and the composition root
        // implements: intake holds no outbound or monitors type through which a reporter's mail could flow out.
        assertThat(shahid.importsOf("intake")).contains("sealing", "tickets").doesNotContain("outbound", "monitors");
    }

    @Test
    void theKernelAndTheLanguageImportNoOtherShahidPackage() {
        assertThat(shahid.importsOf("kernel")).isEmpty();
        assertThat(shahid.importsOf("language")).isSubsetOf("kernel");
    }

    @Test
    void findsACycleWhenThereIsOne() {
        PackageImports round = PackageImports.of(Map.of("intake", Set.of("evidence", "kernel"),
                "evidence", Set.of("outbound"), "outbound", Set.of("intake")));

        assertThat(round.cycle()).hasValueSatisfying(path -> {
            assertThat(path).hasSize(4);
            assertThat(path.get(0)).isEqualTo(path.get(3));
            assertThat(path).contains("intake", "evidence", "outbound");
        });
    }

    @Test
    void findsNoCycleInALayeredGraph() {
        PackageImports layered = PackageImports.of(Map.of("admin", Set.of("config", "intake"),
                "config", Set.of("intake", "kernel"), "intake", Set.of("kernel")));

        assertThat(layered.cycle()).isEmpty();
    }
}
