package org.ratebook.rules.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What else the machine is doing: the load average, printed next to every figure. */
public final class Machine {

    private Machine() {
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
}
