package org.ratebook.engine.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.projection.InvoiceProjectionBarrier;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.SandboxClocks;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The billing run's cost per account (issue 14, first slice). Seeds N accounts in one tenant through the real
 * commands (accounts, subscriptions, usage through {@link UsageIngestion}), then times the real {@link BillingRun}:
 * the first month, a run where nothing is due, the second month (usage of the first one included) and a second
 * nothing-due run, one history month later. For each run: invoices per second, median and 99th percentile of one
 * invoice, statements, transactions and commits per invoice (PostgreSQL's {@code pg_stat_statements} and
 * {@code pg_stat_database}, every connection of the database counted: the run's and the event processors'), and
 * the JVM's CPU.
 * <p>
 * The mix: 40 % a flat plan (VPS-M), 20 % another flat plan (WP-Managed), 20 % seats (VPS-L × 2..9, the volume
 * discount from five), 20 % a dedicated server with metered traffic (10 usage events in the month); customers in
 * Germany (19 %), France (20 %) and French businesses with a valid VAT id (reverse charge). The pack is the hosting
 * example's (standard pricing, discount and tax rules) with the default pack's usage rule and a traffic charge.
 * <p>
 * Run: {@code ./mvnw -pl engine -Pbench -DskipTests verify -Dbench.main=org.ratebook.engine.bench.BillingAtScaleBenchmark
 * -Dbench.accounts=10000} (durable commits, embedded PostgreSQL 17 with pg_stat_statements).
 */
public final class BillingAtScaleBenchmark {

    private static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");
    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
    private static final String METER = "traffic_gb";
    private static final int USAGE_PER_SUBSCRIPTION = 10;

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 10_000);
        int seeders = Integer.getInteger("bench.seeders", 4);
        // 1: only the first month and the nothing-due run after it (for 100,000 accounts, where seeding is long)
        int months = Integer.getInteger("bench.months", 2);
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EngineTestApplication.class);
        app.setDefaultProperties(Map.of("ratebook.billing.scheduler.enabled", "false", "logging.level.root", "WARN",
                "ratebook.embedded-db.durable", "true",
                "ratebook.embedded-db.preload-libraries", "pg_stat_statements"));
        // the run's per-invoice timer lands in a registry this benchmark can read
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("benchMeters", registry));
        try (ConfigurableApplicationContext context = app.run();
             Connection admin = context.getBean(EmbeddedPostgres.class).getPostgresDatabase().getConnection()) {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            TenantId tenant = TenantId.of("scale-" + UUID.randomUUID().toString().substring(0, 6));
            System.out.printf(Locale.ROOT, "%nBilling at scale: %,d accounts in tenant %s; %d cores; load %s%n",
                    accounts, tenant, Runtime.getRuntime().availableProcessors(), load());
            long t0 = System.nanoTime();
            setUp(context, tenant);
            seed(context, tenant, accounts, seeders, admin);
            System.out.printf(Locale.ROOT, "seeded %,d accounts, %,d subscriptions, %,d usage events in %.1f s%n",
                    accounts, accounts, (accounts / 5) * USAGE_PER_SUBSCRIPTION, (System.nanoTime() - t0) / 1e9);

            SandboxClocks clocks = context.getBean(SandboxClocks.class);
            List<String> rows = new ArrayList<>();
            rows.add(measure(context, admin, registry, tenant, "first month (Feb 1)", FEB_1, accounts));
            clocks.advance(tenant, Instant.parse("2026-02-15T12:00:00Z"));
            rows.add(measure(context, admin, registry, tenant, "nothing due (Feb 15)", LocalDate.of(2026, 2, 15), 0));
            if (months > 1) {
                clocks.advance(tenant, Instant.parse("2026-03-01T12:00:00Z"));
                ingestUsage(context, tenant, accounts);
                rows.add(measure(context, admin, registry, tenant, "second month (Mar 1, usage)",
                        LocalDate.of(2026, 3, 1), accounts));
                clocks.advance(tenant, Instant.parse("2026-03-15T12:00:00Z"));
                rows.add(measure(context, admin, registry, tenant, "nothing due (Mar 15)", LocalDate.of(2026, 3, 15),
                        0));
            }
            context.getBean(InvoiceProjectionBarrier.class).awaitCaughtUp(Duration.ofMinutes(5));
            checkNumbers(admin, tenant, (long) Math.min(months, 2) * accounts);
            mix(admin, tenant);
            System.out.printf("%n| run | invoices | wall | invoices/s | p50 / p99 per invoice | statements / "
                    + "invoice | commits (BEGIN) / invoice | JVM CPU (of %d cores) |%n|---|---|---|---|---|---|---|---|%n",
                    Runtime.getRuntime().availableProcessors());
            rows.forEach(System.out::println);
            System.out.printf("load average at the end: %s%n", load());
        }
        System.exit(0); // the engine's framework threads need not be waited for once the context is closed
    }

    static void setUp(ConfigurableApplicationContext context, TenantId tenant) {
        context.getBean(TenantRegistry.class).createSandbox(new Tenant(tenant, "Scale Hosting GmbH",
                List.of("Hauptstr. 1", "10115 Berlin"), "DE123456789"), FEBRUARY);
        Path hosting = Path.of("../tenants/packs/hosting");
        if (!Files.isDirectory(hosting)) {
            hosting = Path.of("tenants/packs/hosting");
        }
        RulePack pack = RulePackLoader.fromDirectory(hosting, 1);
        List<DrlSource> sources = new ArrayList<>(pack.sources());
        sources.addAll(RulePackLoader.defaultPack().sources(RuleCategory.OVERAGE));
        RulePackContent content = RulePackContent.of(pack);
        UsageCharge traffic = new UsageCharge("traffic", "Traffic", "Dedicated-1", METER, "EUR", ChargeModel.PER_UNIT,
                new BigDecimal("0.05"), null, new BigDecimal("100"), 0, null, null, null, null, null, null);
        context.getBean(RulePackImports.class).importContent(tenant, new RulePackContent("scale", content.plans(),
                sources, content.dayCount(), content.rounding(), content.tables(), content.taxSettings(),
                List.of(traffic), List.of(), content.alignment()), LocalDate.of(2000, 1, 1));
        context.getBean(Meters.class).define(tenant, new Meter(METER, "GB", Aggregation.SUM, false));
    }

    static AccountId account(int g) {
        return account("", g);
    }

    static SubscriptionId subscription(int g) {
        return subscription("", g);
    }

    /** An account of a seeding {@code prefix}: two tenants seeded in one event store need ids of their own. */
    static AccountId account(String prefix, int g) {
        return new AccountId(UUID.nameUUIDFromBytes((prefix + "a" + g).getBytes()));
    }

    static SubscriptionId subscription(String prefix, int g) {
        return new SubscriptionId(UUID.nameUUIDFromBytes((prefix + "s" + g).getBytes()));
    }

    private static void seed(ConfigurableApplicationContext context, TenantId tenant, int accounts, int threads,
                             Connection admin) throws Exception {
        seed(context, tenant, accounts, threads, admin, "");
    }

    static void seed(ConfigurableApplicationContext context, TenantId tenant, int accounts, int threads,
                     Connection admin, String prefix) throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            work.add(pool.submit(() -> {
                for (int g = worker; g < accounts; g += threads) {
                    boolean french = g % 3 != 0;
                    boolean business = g % 3 == 2;
                    commands.sendAndWait(new CreateAccountCommand(tenant, account(prefix, g),
                            "Customer " + g + (business ? " SARL" : ""), "billing" + g + "@example.com", "EUR",
                            french ? "FR" : "DE", french ? "Europe/Paris" : "Europe/Berlin", 1,
                            List.of("Rue " + g), business ? "FR" + String.format("%011d", g) : null,
                            new TaxDetails(null, business, business, false, null)));
                    String plan = switch (g % 10) {
                        case 0, 1, 2, 3 -> "VPS-M";
                        case 4, 5 -> "WP-Managed";
                        case 6, 7 -> "VPS-L";
                        default -> "Dedicated-1";
                    };
                    int quantity = plan.equals("VPS-L") ? 2 + g % 8 : 1;
                    commands.sendAndWait(new CreateSubscriptionCommand(tenant, subscription(prefix, g),
                            account(prefix, g), plan,
                            quantity, FEB_1));
                    int n = done.incrementAndGet();
                    if (n % 1000 == 0) {
                        System.out.printf(Locale.ROOT, "  seeding: %,d / %,d accounts (%.0f/s)%n", n, accounts,
                                n / ((System.nanoTime() - started) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        context.getBean(InvoiceProjectionBarrier.class).awaitCaughtUp(Duration.ofMinutes(5));
        try (Statement s = admin.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** Ten traffic events per metered subscription, spread over February. */
    private static void ingestUsage(ConfigurableApplicationContext context, TenantId tenant, int accounts) {
        UsageIngestion ingestion = context.getBean(UsageIngestion.class);
        List<UsageEvent> batch = new ArrayList<>();
        long started = System.nanoTime();
        int total = 0;
        for (int g = 0; g < accounts; g++) {
            if (g % 10 < 8) {
                continue; // not a dedicated server
            }
            for (int e = 0; e < USAGE_PER_SUBSCRIPTION; e++) {
                batch.add(new UsageEvent("t-" + g + "-" + e, subscription(g).value(), METER,
                        BigDecimal.valueOf(5 + (g + e) % 40), FEBRUARY.plus(Duration.ofHours(2 + 60L * e)), Map.of(),
                        null));
            }
            if (batch.size() >= 5_000) {
                total += send(ingestion, tenant, batch);
            }
        }
        total += send(ingestion, tenant, batch);
        System.out.printf(Locale.ROOT, "ingested %,d usage events in %.1f s%n", total,
                (System.nanoTime() - started) / 1e9);
    }

    private static int send(UsageIngestion ingestion, TenantId tenant, List<UsageEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<UsageOutcome> outcomes = ingestion.ingest(tenant, List.copyOf(batch));
        outcomes.stream().filter(o -> o.status() != UsageOutcome.Status.ACCEPTED).findFirst().ifPresent(o -> {
            throw new IllegalStateException("benchmark usage was not accepted: " + o);
        });
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static String measure(ConfigurableApplicationContext context, Connection admin, MeterRegistry registry,
                                  TenantId tenant, String name, LocalDate date, int expected) throws Exception {
        BillingRun billingRun = context.getBean(BillingRun.class);
        registry.getMeters().stream().filter(m -> m.getId().getName().equals("ratebook.billing.invoice"))
                .toList().forEach(registry::remove); // a fresh timer per run
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()"); // the top statements below are this run's
        }
        long[] before = counters(admin);
        long cpuBefore = cpu();
        long invoicesBefore = invoices(admin, tenant);
        Thread progress = Thread.ofPlatform().daemon().start(() -> {
            long started = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(5_000);
                    long n = invoices(admin(context), tenant) - invoicesBefore;
                    System.out.printf(Locale.ROOT, "  %s: %,d invoices after %.0f s%n", name, n,
                            (System.nanoTime() - started) / 1e9);
                }
            } catch (InterruptedException | SQLException e) {
                // the run is over
            }
        });
        long started = System.nanoTime();
        BillingRunResult result = billingRun.run(tenant, date);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.interrupt();
        long cpuNanos = cpu() - cpuBefore;
        long[] after = counters(admin);
        int issued = result.issued().size();
        if (issued != expected || !result.failures().isEmpty()) {
            throw new IllegalStateException(name + ": expected " + expected + " invoices, issued " + issued
                    + "; problems " + result.problems().stream().limit(5).toList() + "; failures "
                    + result.failures().stream().limit(5).toList());
        }
        long statements = after[0] - before[0];
        long begins = after[1] - before[1];
        long commits = after[2] - before[2];
        Timer timer = registry.find("ratebook.billing.invoice").timer();
        String percentiles = "–";
        if (timer != null && timer.count() > 0) {
            ValueAtPercentile[] values = timer.takeSnapshot().percentileValues();
            percentiles = String.format(Locale.ROOT, "%.1f / %.1f ms", values[0].value(TimeUnit.MILLISECONDS),
                    values[1].value(TimeUnit.MILLISECONDS));
        }
        double per = Math.max(issued, 1);
        String row = String.format(Locale.ROOT, "| %s | %,d | %.1f s | %s | %s | %s | %s | %.2f |", name, issued,
                seconds, issued == 0 ? "–" : String.format(Locale.ROOT, "%,.0f", issued / seconds), percentiles,
                issued == 0 ? String.format(Locale.ROOT, "%,d in all", statements)
                        : String.format(Locale.ROOT, "%.1f", statements / per),
                issued == 0 ? String.format(Locale.ROOT, "%,d in all (%,d BEGIN)", commits, begins)
                        : String.format(Locale.ROOT, "%.1f (%.1f BEGIN)", commits / per, begins / per),
                cpuNanos / 1e9 / seconds);
        System.out.println(row);
        topStatements(admin);
        System.out.printf("  load average: %s%n", load());
        return row;
    }

    private static Connection admin(ConfigurableApplicationContext context) throws SQLException {
        return PROGRESS.get(context);
    }

    /** The progress thread's own connection (a JDBC connection is not for two threads at once). */
    private static final class ProgressConnections {
        private Connection connection;

        synchronized Connection get(ConfigurableApplicationContext context) throws SQLException {
            if (connection == null) {
                connection = context.getBean(EmbeddedPostgres.class).getPostgresDatabase().getConnection();
            }
            return connection;
        }
    }

    private static final ProgressConnections PROGRESS = new ProgressConnections();

    static long invoices(Connection admin, TenantId tenant) throws SQLException {
        try (var s = admin.prepareStatement("SELECT count(*) FROM invoices WHERE tenant_id = ?")) {
            s.setString(1, tenant.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * statements (pg_stat_statements' calls), explicit transactions (BEGIN statements), commits (pg_stat_database's
     * xact_commit: explicit transactions and single statements in auto-commit).
     */
    private static long[] counters(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("""
                    SELECT coalesce(sum(calls), 0),
                           coalesce(sum(calls) FILTER (WHERE upper(query) LIKE 'BEGIN%'), 0),
                           (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())
                    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    private static void topStatements(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT calls, round(total_exec_time::numeric, 0) AS ms,
                            regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS q
                     FROM pg_stat_statements ORDER BY calls DESC LIMIT 12""")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "    %,9d calls %,8d ms  %s%n", rs.getLong(1), rs.getLong(2),
                        rs.getString(3));
            }
        }
    }

    /** Every invoice of the tenant once, numbered 1..n without a gap. */
    static void checkNumbers(Connection admin, TenantId tenant, long expected) throws SQLException {
        try (var s = admin.prepareStatement("""
                SELECT count(*), count(DISTINCT number), count(DISTINCT (account_id, invoice_date)),
                       max(substring(number FROM '[0-9]+$')::int)
                FROM invoices WHERE tenant_id = ?""")) {
            s.setString(1, tenant.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf(Locale.ROOT, "invoices: %,d, distinct numbers %,d, distinct (account, date) %,d, "
                        + "highest number %,d (expected %,d)%n", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), expected);
                if (rs.getLong(1) != expected || rs.getLong(2) != expected || rs.getLong(3) != expected
                        || rs.getLong(4) != expected) {
                    throw new IllegalStateException("invoices not exactly once or numbers not gapless");
                }
            }
        }
    }

    /** What the invoices carry, to see the mix was billed as meant (tax treatments, usage, discounts). */
    private static void mix(Connection admin, TenantId tenant) throws SQLException {
        try (var s = admin.prepareStatement("""
                SELECT item_type, coalesce(tax_label, '-'), count(*), sum(amount) FROM invoice_lines
                WHERE tenant_id = ? GROUP BY 1, 2 ORDER BY 1, 2""")) {
            s.setString(1, tenant.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "  lines %-10s %-45s %,8d  %,14.2f EUR%n", rs.getString(1),
                            rs.getString(2), rs.getLong(3), rs.getBigDecimal(4));
                }
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
