package org.shahid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The machine's accounting is read off the real {@code /proc}: a party's CPU counts to it and to no other, a tree
 * counts the children it has reaped, and the rest is what no named party spent.
 */
class MachineCpuTest {

    @Test
    void countsWorkToTheTreeThatDidItIncludingChildrenItReaped() throws Exception {
        assumeTrue(MachineCpu.available(), "needs Linux's /proc");
        // The shell's child burns about a second of CPU and exits before the second snapshot; only the shell, its
        // parent, is alive then, and its reaped-children ticks must carry the work.
        Process shell = new ProcessBuilder("bash", "-c",
                "read; (end=$((SECONDS+2)); while [ $SECONDS -lt $end ]; do :; done); echo done; read").start();
        try {
            MachineCpu.Snapshot before = MachineCpu.take(Optional.empty(), Optional.of(shell.pid()));
            shell.getOutputStream().write('\n');
            shell.getOutputStream().flush();
            assertThat(new String(shell.getInputStream().readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("done\n");
            MachineCpu.Snapshot after = MachineCpu.take(Optional.empty(), Optional.of(shell.pid()));

            MachineCpu.Usage usage = MachineCpu.Usage.between(before, after, 2.0, 10);
            assertThat(usage.partySeconds().get(MachineCpu.DOVECOT)).isGreaterThan(0.9);
            assertThat(usage.partySeconds().get(MachineCpu.SHAHID)).isZero();
            assertThat(usage.busySeconds()).isGreaterThanOrEqualTo(usage.partySeconds().get(MachineCpu.DOVECOT));
            assertThat(usage.partyMillisPerMail(MachineCpu.DOVECOT))
                    .isCloseTo(usage.partySeconds().get(MachineCpu.DOVECOT) * 100, within(1e-9));
        } finally {
            shell.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void countsThisJvmAsTheBench() throws Exception {
        assumeTrue(MachineCpu.available(), "needs Linux's /proc");
        MachineCpu.Snapshot before = MachineCpu.take(Optional.empty(), Optional.empty());
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
        long spin = 0;
        while (System.nanoTime() < until) {
            spin += Long.numberOfTrailingZeros(System.nanoTime());
        }
        MachineCpu.Snapshot after = MachineCpu.take(Optional.empty(), Optional.empty());

        MachineCpu.Usage usage = MachineCpu.Usage.between(before, after, 0.6, 1);
        assertThat(spin).isPositive();
        assertThat(usage.partySeconds().get(MachineCpu.BENCH)).isGreaterThan(0.4);
        assertThat(usage.partySeconds().get(MachineCpu.DOVECOT)).isZero();
    }

    @Test
    void theRestIsWhatNoNamedPartySpent() {
        MachineCpu.Snapshot before = new MachineCpu.Snapshot(1_000, Map.of(MachineCpu.SHAHID, 100L,
                MachineCpu.MARIADB, 50L, MachineCpu.DOVECOT, 10L, MachineCpu.BENCH, 20L));
        MachineCpu.Snapshot after = new MachineCpu.Snapshot(1_400, Map.of(MachineCpu.SHAHID, 300L,
                MachineCpu.MARIADB, 100L, MachineCpu.DOVECOT, 30L, MachineCpu.BENCH, 60L));

        MachineCpu.Usage usage = MachineCpu.Usage.between(before, after, 2.0, 100);

        assertThat(usage.busySeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(usage.busyCores()).isCloseTo(2.0, within(1e-9));
        assertThat(usage.busyMillisPerMail()).isCloseTo(40.0, within(1e-9));
        assertThat(usage.partySeconds().get(MachineCpu.SHAHID)).isCloseTo(2.0, within(1e-9));
        assertThat(usage.partySeconds().get(MachineCpu.REST)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void readsBusyTicksAndProcessLinesAsLinuxWritesThem() {
        // user nice system idle iowait irq softirq steal guest guest_nice: idle and iowait are not busy.
        assertThat(MachineCpu.busyTicks("cpu  100 2 30 5000 40 1 6 7 0 0")).isEqualTo(146);
        // A name with spaces and parentheses, as a process may give itself.
        MachineCpu.ProcessTicks process = MachineCpu.ProcessTicks.parse(42,
                "42 (imap (x) 1) S 7 42 42 0 -1 4194560 500 0 0 0 11 22 33 44 20 0 1 0 100 0 0");
        assertThat(process.name()).isEqualTo("imap (x) 1");
        assertThat(process.parent()).isEqualTo(7);
        assertThat(process.own()).isEqualTo(33);
        assertThat(process.ownAndReaped()).isEqualTo(110);
    }
}
