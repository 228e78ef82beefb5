package org.shahid.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a goal ratio leaves the whole machine per mail, against what each side spent: at {@code goal} times the
 * baseline's mean rate, the machine's cores give each mail {@code cores / (goal × rate)} of CPU. If what Shahid's
 * phase spends outside its own JVM (MariaDB, Dovecot, the relay, the kernel) already fills that, no change inside
 * the JVM can reach the goal on this machine.
 */
record MachineBudget(String workload, double goal, double baselinePerSecond, int cores,
                     double baselineMillisPerMail, MachineCpu.Usage shahid) {

    /** The budget of one workload from a run's phases, empty where the machine was not measured. */
    static Optional<MachineBudget> of(List<Benchmark.PhaseResult> results, String workload, double goal, int cores) {
        Benchmark.PhaseResult before = Benchmark.PhaseResult.named(results, "baseline, " + workload + " (before)");
        Benchmark.PhaseResult after = Benchmark.PhaseResult.named(results, "baseline, " + workload + " (after)");
        Benchmark.PhaseResult shahid = Benchmark.PhaseResult.named(results,
                "Shahid, " + workload + " (inbox preloaded)");
        if (before.machine() == null || after.machine() == null || shahid.machine() == null) {
            return Optional.empty();
        }
        return Optional.of(new MachineBudget(workload, goal, (before.perSecond() + after.perSecond()) / 2, cores,
                (before.machine().busyMillisPerMail() + after.machine().busyMillisPerMail()) / 2, shahid.machine()));
    }

    /** The machine's CPU a mail may take, every core counted, for Shahid to run at the goal. */
    double allowedMillisPerMail() {
        return cores * 1e3 / (goal * baselinePerSecond);
    }

    /** What Shahid's phase spent a mail outside Shahid's own JVM. */
    double outsideShahidMillisPerMail() {
        return shahid.busyMillisPerMail() - shahid.partyMillisPerMail(MachineCpu.SHAHID);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at %.1f of the baseline (%.1f mails/s): %.2f ms of the machine a mail on"
                        + " %d cores; the baseline spent %.2f; Shahid spent %.2f (its JVM %.2f, MariaDB %.2f, Dovecot"
                        + " %.2f, the bench %.2f, the rest %.2f), %.2f of it outside its JVM", workload, goal,
                goal * baselinePerSecond, allowedMillisPerMail(), cores, baselineMillisPerMail,
                shahid.busyMillisPerMail(), shahid.partyMillisPerMail(MachineCpu.SHAHID),
                shahid.partyMillisPerMail(MachineCpu.MARIADB), shahid.partyMillisPerMail(MachineCpu.DOVECOT),
                shahid.partyMillisPerMail(MachineCpu.BENCH), shahid.partyMillisPerMail(MachineCpu.REST),
                outsideShahidMillisPerMail());
    }
}
