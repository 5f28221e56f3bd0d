package org.ratebook.rules.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What else the machine is doing, printed next to every figure: the load average, and for a measured
 * stretch how many CPUs other processes kept busy meanwhile (from {@code /proc/stat} minus this JVM's own
 * CPU time). The load average includes the benchmark itself; "others" does not.
 */
public final class Machine {

    private static final double JIFFY_NANOS = 10_000_000; // USER_HZ = 100 on Linux

    private final long startNanos = System.nanoTime();
    private final long startBusyJiffies = busyJiffies();
    private final long startOwnCpuNanos = ownCpuNanos();

    private Machine() {
    }

    /** Starts watching the machine. */
    public static Machine watch() {
        return new Machine();
    }

    /** E.g. {@code "others 0.3 cpus, this JVM 1.4 cpus, load 1.20 1.05 0.98 on 2 cpus"} since {@link #watch()}. */
    public String report() {
        double wall = System.nanoTime() - startNanos;
        long busy = busyJiffies();
        if (busy < 0 || startBusyJiffies < 0 || wall <= 0) {
            return load();
        }
        double own = (ownCpuNanos() - startOwnCpuNanos) / wall;
        double all = (busy - startBusyJiffies) * JIFFY_NANOS / wall;
        return String.format("others %.1f cpus, this JVM %.1f cpus, %s", Math.max(0, all - own), own, load());
    }

    /** {@code /proc/loadavg}'s 1-, 5- and 15-minute averages, or "n/a" off Linux. */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cpus";
        } catch (IOException | RuntimeException e) {
            return "load n/a";
        }
    }

    /** Non-idle jiffies of all CPUs ({@code /proc/stat} line "cpu"), -1 off Linux. */
    private static long busyJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
