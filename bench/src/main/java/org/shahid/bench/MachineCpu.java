package org.shahid.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the whole machine's CPU goes during a phase, from Linux's {@code /proc}: the machine's busy time (every
 * core, {@code /proc/stat}) and the share of each party to the benchmark: Shahid's JVM and what it starts, MariaDB,
 * the private Dovecot with its {@code imap} processes, the bench's own JVM (its relay, its watch, the baseline's
 * loop), and the rest (the kernel's interrupts, other processes). The ratio compares a loop that waits on round
 * trips with a pipeline that fills every core, so what each side costs the machine per mail is the figure that
 * says how far a goal is; Shahid's own JVM is only part of it.
 * <p>
 * A process tree counts its live processes and, through {@code cutime}/{@code cstime}, the children they have
 * reaped: Dovecot starts an {@code imap} process per connection and reaps it at log-out. The bench's own JVM counts
 * without its children, which are Shahid and Dovecot. Ticks are {@code USER_HZ}, 100 a second on Linux.
 */
final class MachineCpu {

    static final double TICKS_PER_SECOND = 100;
    static final String SHAHID = "Shahid JVM";
    static final String MARIADB = "MariaDB";
    static final String DOVECOT = "Dovecot";
    static final String BENCH = "bench JVM";
    static final String REST = "rest";
    private static final Set<String> MARIADB_NAMES = Set.of("mariadbd", "mysqld");
    private static final Path PROC = Path.of("/proc");

    /** The machine's busy ticks and each named party's ticks at one instant. */
    record Snapshot(long busyTicks, Map<String, Long> partyTicks) {
    }

    /** What a phase cost the whole machine: its busy CPU seconds and each party's, and the mails they served. */
    record Usage(double wallSeconds, double busySeconds, Map<String, Double> partySeconds, int mails) {

        static Usage between(Snapshot before, Snapshot after, double wallSeconds, int mails) {
            Map<String, Double> parties = new HashMap<>();
            double named = 0;
            for (Map.Entry<String, Long> party : after.partyTicks().entrySet()) {
                double seconds = Math.max(0, party.getValue() - before.partyTicks().getOrDefault(party.getKey(), 0L))
                        / TICKS_PER_SECOND;
                parties.put(party.getKey(), seconds);
                named += seconds;
            }
            double busy = (after.busyTicks() - before.busyTicks()) / TICKS_PER_SECOND;
            parties.put(REST, Math.max(0, busy - named));
            return new Usage(wallSeconds, busy, Map.copyOf(parties), mails);
        }

        /** Milliseconds of the machine's CPU a mail, every core counted. */
        double busyMillisPerMail() {
            return busySeconds * 1e3 / mails;
        }

        double partyMillisPerMail(String party) {
            return partySeconds.getOrDefault(party, 0.0) * 1e3 / mails;
        }

        /** How many cores were busy on average, of the machine's. */
        double busyCores() {
            return wallSeconds <= 0 ? 0 : busySeconds / wallSeconds;
        }
    }

    private MachineCpu() {
    }

    /** Whether this machine has a {@code /proc} to read; elsewhere the bench prints no machine figures. */
    static boolean available() {
        return Files.isReadable(PROC.resolve("stat"));
    }

    /**
     * The machine now, with Shahid's and Dovecot's process trees rooted at the given pids (absent: not running)
     * and this JVM as the bench.
     */
    static Snapshot take(Optional<Long> shahidPid, Optional<Long> dovecotPid) throws IOException {
        Map<Long, ProcessTicks> processes = processes();
        Map<Long, List<ProcessTicks>> children = new HashMap<>();
        for (ProcessTicks process : processes.values()) {
            children.computeIfAbsent(process.parent(), parent -> new ArrayList<>()).add(process);
        }
        Map<String, Long> parties = new HashMap<>();
        parties.put(SHAHID, shahidPid.map(pid -> treeTicks(processes, children, pid)).orElse(0L));
        parties.put(MARIADB, processes.values().stream().filter(process -> MARIADB_NAMES.contains(process.name()))
                .mapToLong(ProcessTicks::ownAndReaped).sum());
        parties.put(DOVECOT, dovecotPid.map(pid -> treeTicks(processes, children, pid)).orElse(0L));
        ProcessTicks bench = processes.get(ProcessHandle.current().pid());
        parties.put(BENCH, bench == null ? 0L : bench.own());
        return new Snapshot(busyTicks(Files.readAllLines(PROC.resolve("stat"), StandardCharsets.US_ASCII).get(0)),
                Map.copyOf(parties));
    }

    /** The busy ticks of {@code /proc/stat}'s first line: every field but idle and iowait (guest is in user). */
    static long busyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int field = 1; field < Math.min(fields.length, 9); field++) {
            if (field != 4 && field != 5) {
                busy += Long.parseLong(fields[field]);
            }
        }
        return busy;
    }

    /** One process's line of {@code /proc/<pid>/stat}: its name, parent and ticks. */
    record ProcessTicks(long pid, String name, long parent, long user, long system, long reapedUser,
                        long reapedSystem) {

        static ProcessTicks parse(long pid, String statLine) {
            // The name is in parentheses and may hold spaces or parentheses itself: split after the last one.
            int open = statLine.indexOf('(');
            int close = statLine.lastIndexOf(')');
            String[] rest = statLine.substring(close + 2).trim().split("\\s+");
            return new ProcessTicks(pid, statLine.substring(open + 1, close), Long.parseLong(rest[1]),
                    Long.parseLong(rest[11]), Long.parseLong(rest[12]), Long.parseLong(rest[13]),
                    Long.parseLong(rest[14]));
        }

        long own() {
            return user + system;
        }

        long ownAndReaped() {
            return user + system + reapedUser + reapedSystem;
        }
    }

    private static Map<Long, ProcessTicks> processes() throws IOException {
        Map<Long, ProcessTicks> processes = new HashMap<>();
        try (var entries = Files.newDirectoryStream(PROC, entry -> entry.getFileName().toString().chars()
                .allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    processes.put(pid, ProcessTicks.parse(pid, Files.readString(entry.resolve("stat"),
                            StandardCharsets.ISO_8859_1)));
                } catch (IOException | RuntimeException gone) {
                    // The process ended between the listing and the read: its parent's reaped ticks count it.
                }
            }
        }
        return processes;
    }

    private static long treeTicks(Map<Long, ProcessTicks> processes, Map<Long, List<ProcessTicks>> children,
                                  long root) {
        long ticks = 0;
        List<Long> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            ProcessTicks process = processes.get(pid);
            if (process != null) {
                ticks += process.ownAndReaped();
            }
            for (ProcessTicks child : children.getOrDefault(pid, List.of())) {
                pending.add(child.pid());
            }
        }
        return ticks;
    }
}
