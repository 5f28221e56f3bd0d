package org.ratebook.engine.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunJobs;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier;
import org.ratebook.tenants.TenantId;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The shared billing run (decision 027) against the synchronous one, on one node (issue 14). Seeds two tenants with
 * the same N accounts ({@link BillingAtScaleBenchmark}'s mix and pack), then bills the first month of one with
 * {@link BillingRun#run} (a) and of the other through {@link BillingRunJobs#start} and this JVM's own
 * {@code BillingRunWorker} (b), timed from the start call until the run is finished (planning included). Prints
 * invoices per second for both, and checks each tenant's invoices exist once, numbered 1..n without a gap.
 * <p>
 * Run: {@code ./mvnw -pl engine -Pbench -DskipTests verify
 * -Dbench.main=org.ratebook.engine.bench.SharedBillingRunBenchmark -Dbench.accounts=2000} (options:
 * {@code -Dbench.chunk=N} the worker's chunk, {@code -Dbench.jvm=-XX:StartFlightRecording=filename=run.jfr,settings=profile}).
 */
public final class SharedBillingRunBenchmark {

    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 2_000);
        String chunk = System.getProperty("bench.chunk", "");
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EngineTestApplication.class);
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("ratebook.billing.scheduler.enabled", "false",
                "logging.level.root", "WARN", "ratebook.embedded-db.durable", "true",
                "ratebook.billing.worker.enabled", "true", "ratebook.billing.worker.poll", "PT0.2S"));
        if (!chunk.isBlank() && !chunk.startsWith("$")) {
            properties.put("ratebook.billing.worker.chunk", chunk);
        }
        app.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = app.run();
             Connection admin = context.getBean(EmbeddedPostgres.class).getPostgresDatabase().getConnection()) {
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            TenantId sync = TenantId.of("sync-" + suffix);
            TenantId shared = TenantId.of("shared-" + suffix);
            System.out.printf(Locale.ROOT, "%nShared billing run: %,d accounts per tenant; %d cores; chunk %s; load %s%n",
                    accounts, Runtime.getRuntime().availableProcessors(),
                    context.getEnvironment().getProperty("ratebook.billing.worker.chunk", "default"),
                    BillingAtScaleBenchmark.load());
            long t0 = System.nanoTime();
            BillingAtScaleBenchmark.setUp(context, sync);
            BillingAtScaleBenchmark.seed(context, sync, accounts, 4, admin, "sync");
            BillingAtScaleBenchmark.setUp(context, shared);
            BillingAtScaleBenchmark.seed(context, shared, accounts, 4, admin, "shared");
            try (Statement s = admin.createStatement()) {
                s.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "seeded 2 × %,d accounts in %.1f s%n", accounts,
                    (System.nanoTime() - t0) / 1e9);

            // (a) synchronous
            long started = System.nanoTime();
            BillingRunResult result = context.getBean(BillingRun.class).run(sync, FEB_1);
            double a = (System.nanoTime() - started) / 1e9;
            if (result.issued().size() != accounts || !result.failures().isEmpty()) {
                throw new IllegalStateException("synchronous run issued " + result.issued().size() + ", failures "
                        + result.failures().stream().limit(5).toList());
            }
            System.out.printf(Locale.ROOT, "(a) BillingRun.run: %,d invoices in %.1f s, %.0f invoices/s; load %s%n",
                    accounts, a, accounts / a, BillingAtScaleBenchmark.load());

            // (b) shared: planned by start, invoiced by this node's worker
            BillingRunJobs jobs = context.getBean(BillingRunJobs.class);
            started = System.nanoTime();
            UUID run = jobs.start(shared, FEB_1, null, "benchmark");
            double planned = (System.nanoTime() - started) / 1e9;
            BillingRunJobs.Progress progress;
            long lastPrint = System.nanoTime();
            while (true) {
                progress = jobs.find(shared, run);
                if (!progress.running()) {
                    break;
                }
                if (System.nanoTime() - lastPrint > 5e9) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  shared run: %,d / %,d accounts after %.0f s%n",
                            progress.accountsDone(), progress.accountsDue(), (lastPrint - started) / 1e9);
                }
                Thread.sleep(50);
            }
            double b = (System.nanoTime() - started) / 1e9;
            if (progress.invoices() != accounts || progress.accountsFailed() > 0) {
                throw new IllegalStateException("shared run: " + progress);
            }
            System.out.printf(Locale.ROOT, "(b) BillingRunJobs + worker: %,d invoices in %.1f s (planning %.1f s), "
                    + "%.0f invoices/s; load %s%n", progress.invoices(), b, planned, accounts / b,
                    BillingAtScaleBenchmark.load());
            context.getBean(InvoiceProjectionBarrier.class).awaitCaughtUp(Duration.ofMinutes(5));
            BillingAtScaleBenchmark.checkNumbers(admin, sync, accounts);
            BillingAtScaleBenchmark.checkNumbers(admin, shared, accounts);
            System.out.printf(Locale.ROOT, "%n| accounts | (a) synchronous | (b) shared, one node | (b) / (a) |%n"
                    + "|---|---|---|---|%n| %,d | %.1f s, %.0f/s | %.1f s, %.0f/s | %.2f |%n", accounts, a,
                    accounts / a, b, accounts / b, a / b);
        }
        System.exit(0);
    }
}
