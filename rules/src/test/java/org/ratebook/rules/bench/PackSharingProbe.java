package org.ratebook.rules.bench;

import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.pack.CompiledPack;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Sharing and heap, not a JMH benchmark (JMH measures time, this measures what stays on the heap): 1,000
 * tenants on 20 packs (tenant t uses price variant t mod 20, each tenant with its own {@link RulePack} read
 * from disk and its own version number), every tenant answers one typical invoice, and then:
 * <ul>
 *   <li>the compiler must hold exactly 20 compiled packs, and the 1,000 tenants must see exactly 20 distinct
 *       {@link CompiledPack} instances;</li>
 *   <li>live heap is taken from a class histogram (the in-process {@code jcmd GC.class_histogram}, which
 *       runs a full GC first) and, as a cross-check, from {@code MemoryMXBean} after {@code System.gc()}:
 *       before the tenants, with the tenants' packs loaded, with the 20 packs compiled, after
 *       {@code evictIdle};</li>
 *   <li>{@code evictIdle} must drop all 20 and the heap must come back to where it was before compiling.</li>
 * </ul>
 * Three rounds in one JVM (each with a fresh compiler), so a noisy round shows. Run it with
 * {@code -Pbench -Dbench=heap}; it exits non-zero if a check fails.
 */
public final class PackSharingProbe {

    static final int TENANTS = 1_000;
    static final int PACKS = 20;
    static final int ROUNDS = 3;

    /** A clock the probe moves by hand, so "idle for an hour" takes no hour. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T06:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("JVM " + Runtime.version() + ", max heap " + mb(Runtime.getRuntime().maxMemory())
                + ", " + ManagementFactory.getRuntimeMXBean().getInputArguments() + ", " + Machine.load());
        Path root = Files.createTempDirectory("ratebook-tenants-");
        List<Path> folders = new ArrayList<>();
        for (int v = 0; v < PACKS; v++) {
            folders.add(GeneratedPack.writeTo(root.resolve("variant-" + v), v));
        }
        boolean ok = true;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                ok &= round(round, folders);
            }
        } finally {
            GeneratedPack.deleteRecursively(root);
        }
        if (!ok) {
            System.exit(1);
        }
    }

    private static boolean round(int round, List<Path> folders) throws Exception {
        long base = liveBytes();
        long baseMx = usedAfterGc();

        List<RulePack> tenants = new ArrayList<>(TENANTS);
        for (int t = 0; t < TENANTS; t++) {
            tenants.add(GeneratedPack.load(folders.get(t % PACKS), 1 + t / PACKS));
        }
        long withTenants = liveBytes();
        long withTenantsMx = usedAfterGc();
        long metaBefore = metaspaceUsed();

        HandClock clock = new HandClock();
        RulePackCompiler compiler = new RulePackCompiler(clock);
        DecisionService service = new DecisionService(compiler);
        long t0 = System.nanoTime();
        int lines = 0;
        for (int t = 0; t < TENANTS; t++) {
            InvoiceDecision decision = service.decide(tenants.get(t), GeneratedPack.typicalInvoice(t));
            lines += decision.lines().size();
        }
        long decideMillis = (System.nanoTime() - t0) / 1_000_000;

        Set<CompiledPack> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> hashes = new HashSet<>();
        for (RulePack tenant : tenants) {
            distinct.add(compiler.compiled(tenant));
            hashes.add(tenant.contentHash());
        }
        int cached = compiler.cachedCount();
        int distinctCount = distinct.size();
        distinct.clear();

        long compiled = liveBytes();
        long compiledMx = usedAfterGc();
        long metaCompiled = metaspaceUsed();

        clock.advance(Duration.ofHours(1));
        int evicted = compiler.evictIdle(clock.instant().minus(Duration.ofMinutes(30)));
        int cachedAfter = compiler.cachedCount();
        long afterEvict = liveBytes();
        long afterEvictMx = usedAfterGc();
        long metaAfter = metaspaceUsed();

        boolean ok = cached == PACKS && distinctCount == PACKS && hashes.size() == PACKS
                && evicted == PACKS && cachedAfter == 0 && lines == TENANTS * 5;
        System.out.printf("""
                round %d [%s]
                  tenants %d, distinct content hashes %d, compiler.cachedCount() %d, distinct CompiledPack instances %d, lines decided %d
                  1,000 first decisions incl. 20 compiles: %,d ms
                  live heap (class histogram / MemoryMXBean after System.gc()):
                    before tenants        %8s / %8s
                    1,000 packs loaded    %8s / %8s   (+%s for the tenants' own RulePack copies)
                    20 packs compiled     %8s / %8s   (+%s for 20 compiled packs, %s each)
                    after evictIdle       %8s / %8s   (evicted %d, cachedCount() %d, %s released)
                  metaspace used: %s → %s compiled → %s after evictIdle
                  checks %s
                """, round, Machine.load(), TENANTS, hashes.size(), cached, distinctCount, lines, decideMillis,
                mb(base), mb(baseMx),
                mb(withTenants), mb(withTenantsMx), mb(withTenants - base),
                mb(compiled), mb(compiledMx), mb(compiled - withTenants), mb((compiled - withTenants) / PACKS),
                mb(afterEvict), mb(afterEvictMx), evicted, cachedAfter, mb(compiled - afterEvict),
                mb(metaBefore), mb(metaCompiled), mb(metaAfter),
                ok ? "passed" : "FAILED");
        // keep the tenants reachable until after the last measurement
        if (tenants.size() != TENANTS || service == null) {
            throw new IllegalStateException();
        }
        return ok;
    }

    /** Live bytes on the heap: the total line of a class histogram, which does a full GC first. */
    static long liveBytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] lines = histogram.strip().split("\\R");
        String[] total = lines[lines.length - 1].trim().split("\\s+"); // "Total <instances> <bytes>"
        return Long.parseLong(total[total.length - 1]);
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    private PackSharingProbe() {
    }
}
