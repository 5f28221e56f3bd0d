package org.ratebook.rules.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code ./mvnw -pl rules -Pbench verify -Dbench=<which>}: {@code publish}
 * ({@link FirstPublishBenchmark}, {@link RepublishBenchmark}, {@link PublishAfterSaveBenchmark}), {@code decide} ({@link DecideBenchmark}),
 * {@code heap} ({@link PackSharingProbe}, in its own JVM) or {@code all}. Any further arguments are JMH
 * command-line options and override the annotations (e.g. {@code -f 1 -i 1} for a quick look). JMH results
 * go to {@code rules/target/jmh-<which>.json}.
 */
public final class BenchLauncher {

    private static final List<String> PROBE_JVM = List.of("-Xms3g", "-Xmx3g", "-XX:+UseG1GC");

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        String[] jmhArgs = args.length <= 1 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        System.out.println("Ratebook rule-pack benchmarks: " + which + ", JVM " + Runtime.version() + ", "
                + Machine.load());
        switch (which) {
            case "publish" -> jmh("publish", jmhArgs, FirstPublishBenchmark.class, RepublishBenchmark.class,
                    PublishAfterSaveBenchmark.class);
            case "decide" -> jmh("decide", jmhArgs, DecideBenchmark.class);
            case "heap" -> heap();
            case "all" -> {
                jmh("publish", jmhArgs, FirstPublishBenchmark.class, RepublishBenchmark.class,
                        PublishAfterSaveBenchmark.class);
                jmh("decide", jmhArgs, DecideBenchmark.class);
                heap();
            }
            default -> throw new IllegalArgumentException("-Dbench=" + which
                    + ": expected publish, decide, heap or all");
        }
    }

    private static void jmh(String name, String[] jmhArgs, Class<?>... benchmarks) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(new CommandLineOptions(jmhArgs))
                .resultFormat(ResultFormatType.JSON)
                .result("jmh-" + name + ".json");
        for (Class<?> benchmark : benchmarks) {
            options.include(benchmark.getName() + "\\.");
        }
        System.out.println("before " + name + ": " + Machine.load());
        new Runner(options.build()).run();
        System.out.println("after " + name + ": " + Machine.load());
    }

    /** Runs {@link PackSharingProbe} in a JVM of its own, so the heap it measures holds nothing of JMH's. */
    private static void heap() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java"));
        command.addAll(PROBE_JVM);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PackSharingProbe.class.getName());
        System.out.println("heap probe: " + String.join(" ", command.subList(0, 1 + PROBE_JVM.size())) + " … "
                + PackSharingProbe.class.getSimpleName());
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("heap probe failed with exit code " + exit);
        }
    }

    private BenchLauncher() {
    }
}
