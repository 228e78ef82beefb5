package org.shahid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak memory during a phase: the JVM's peak heap (sum of the heap pools' peaks, which the GC
 * records) and the peak resident set size ({@code VmHWM} of {@code /proc/self/status}, reset through
 * {@code /proc/self/clear_refs}). Static and thread-safe.
 */
final class MemoryPeaks {

    private MemoryPeaks() {
    }

    /** Starts a phase: forgets earlier peaks. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException unsupported) {
            // Not Linux, or not allowed: VmHWM then covers the whole process life.
        }
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Peak resident memory in bytes, or -1 where /proc is unavailable. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException unsupported) {
            return -1;
        }
        return -1;
    }

    static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : (bytes / (1024 * 1024)) + " MB";
    }
}
