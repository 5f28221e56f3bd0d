package org.ratebook.engine.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.MeterUsage;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Durable, idempotent usage ingestion (the real service: tenant scope, validation, unique key) against the raw
 * PostgreSQL COPY rate of equivalent rows into a table with the same key and index, in the same run and on
 * the same database, each batch committed on its own. Also the cost of aggregating a meter with 1M events.
 * <p>
 * Run: {@code ./mvnw -pl engine -am -Pbench -DskipTests verify} (options: -Dbench.events, -Dbench.batch,
 * -Dbench.clients). Uses the embedded PostgreSQL unless SPRING_DATASOURCE_URL is set.
 */
public final class UsageIngestionBenchmark {

    private static final Instant START = Instant.parse("2026-01-10T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 400_000);
        int batch = Integer.getInteger("bench.batch", 5_000);
        int clients = Integer.getInteger("bench.clients", 2);
        int subscriptions = 100;
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EngineTestApplication.class);
        app.setDefaultProperties(Map.of("ratebook.billing.scheduler.enabled", "false", "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = app.run()) {
            TenantId tenant = TenantId.of("bench-" + UUID.randomUUID().toString().substring(0, 8));
            List<UUID> subs = setUp(context, tenant, subscriptions);
            UsageIngestion ingestion = context.getBean(UsageIngestion.class);
            DataSource dataSource = context.getBean(DataSource.class);

            // warm-up: JIT, plan caches, connection pool
            run(ingestion, tenant, subs, 20 * batch, batch, 1, "warm");
            prepareCopyTable(dataSource);
            copy(dataSource, subs, 20 * batch, batch, 1, "warm");

            Result ingest = run(ingestion, tenant, subs, events, batch, clients, "run");
            Result copy = copy(dataSource, subs, events, batch, clients, "run");
            Result duplicates = run(ingestion, tenant, subs, Math.min(events, 100_000), batch, 1, "run");

            System.out.printf("%nUsage ingestion benchmark: %,d events, batches of %,d, %d client(s), %d subscriptions%n",
                    events, batch, clients, subscriptions);
            System.out.printf("  ratebook ingestion : %,10.0f events/s   batch p50 %6.1f ms  p99 %6.1f ms%n",
                    ingest.rate(), ingest.p50(), ingest.p99());
            System.out.printf("  raw COPY, %d client(s): %,10.0f rows/s  batch p50 %6.1f ms  p99 %6.1f ms%n",
                    clients, copy.rate(), copy.p50(), copy.p99());
            System.out.printf("  ratio              : %.2f%n", ingest.rate() / copy.rate());
            System.out.printf("  re-sent duplicates : %,10.0f events/s (all counted DUPLICATE: %s)%n",
                    duplicates.rate(), duplicates.allDuplicates());

            aggregateOneMillion(context, ingestion, tenant, subs.getFirst(), batch);
        }
        // the engine's framework threads need not be waited for once the context is closed
        System.exit(0);
    }

    private record Result(double rate, double p50, double p99, boolean allDuplicates) {
    }

    private static List<UUID> setUp(ConfigurableApplicationContext context, TenantId tenant, int count) {
        context.getBean(TenantRegistry.class).create(new Tenant(tenant, "Bench", List.of(), null));
        context.getBean(RulePackImports.class).importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        context.getBean(Meters.class).define(tenant, new Meter("api_calls", "call", Aggregation.SUM, false));
        CommandGateway commands = context.getBean(CommandGateway.class);
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, "Bench", null, "EUR", null, null, null, List.of(), null));
        List<UUID> subs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SubscriptionId id = SubscriptionId.random();
            commands.sendAndWait(new CreateSubscriptionCommand(tenant, id, account, "Pro", 1, null));
            subs.add(id.value());
        }
        return subs;
    }

    private static List<UsageEvent> events(List<UUID> subs, String run, int from, int size) {
        List<UsageEvent> events = new ArrayList<>(size);
        for (int i = from; i < from + size; i++) {
            events.add(new UsageEvent(run + "-" + i, subs.get(i % subs.size()), "api_calls", BigDecimal.ONE,
                    START.plusMillis(i), Map.of()));
        }
        return events;
    }

    private static Result run(UsageIngestion ingestion, TenantId tenant, List<UUID> subs, int total, int batch,
                              int clients, String run) throws Exception {
        int batches = total / batch;
        double[] latencies = new double[batches];
        boolean[] allDuplicates = {true};
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int b = client; b < batches; b += clients) {
                    List<UsageEvent> events = events(subs, run, b * batch, batch);
                    long t0 = System.nanoTime();
                    List<UsageOutcome> outcomes = ingestion.ingest(tenant, events);
                    latencies[b] = (System.nanoTime() - t0) / 1e6;
                    if (outcomes.stream().anyMatch(o -> o.status() != UsageOutcome.Status.DUPLICATE)) {
                        allDuplicates[0] = false;
                    }
                    if (outcomes.stream().anyMatch(o -> o.status() == UsageOutcome.Status.REJECTED)) {
                        throw new IllegalStateException("benchmark events were rejected: " + outcomes.getFirst());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(batches * (double) batch / seconds, percentile(latencies, 50), percentile(latencies, 99),
                allDuplicates[0]);
    }

    private static void prepareCopyTable(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS usage_copy_bench");
            s.execute("CREATE TABLE usage_copy_bench (LIKE usage_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                    + "INCLUDING INDEXES)");
        }
    }

    /**
     * Equivalent rows through COPY, one transaction per batch, into a table with the same key and index, from
     * as many clients as the ingestion run used.
     */
    private static Result copy(DataSource dataSource, List<UUID> subs, int total, int batch, int clients,
                               String run) throws Exception {
        int batches = total / batch;
        double[] latencies = new double[batches];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                    for (int b = client; b < batches; b += clients) {
                        StringBuilder csv = new StringBuilder(batch * 120);
                        String now = Instant.now().toString();
                        for (int i = b * batch; i < (b + 1) * batch; i++) {
                            csv.append("bench,").append(subs.get(i % subs.size())).append(',').append(run)
                                    .append("-c-").append(i).append(",api_calls,1,").append(START.plusMillis(i))
                                    .append(",,").append(now).append('\n');
                        }
                        long t0 = System.nanoTime();
                        copy.copyIn("COPY usage_copy_bench (tenant_id, subscription_id, transaction_id, meter, "
                                + "quantity, occurred_at, properties, received_at) FROM STDIN (FORMAT csv)",
                                new StringReader(csv.toString()));
                        connection.commit();
                        latencies[b] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(batches * (double) batch / seconds, percentile(latencies, 50), percentile(latencies, 99), false);
    }

    private static void aggregateOneMillion(ConfigurableApplicationContext context, UsageIngestion ingestion,
                                            TenantId tenant, UUID subscription, int batch) {
        int total = 1_000_000;
        for (int b = 0; b < total / batch; b++) {
            List<UsageEvent> events = new ArrayList<>(batch);
            for (int i = b * batch; i < (b + 1) * batch; i++) {
                events.add(new UsageEvent("million-" + i, subscription, "api_calls", BigDecimal.ONE,
                        Instant.parse("2026-01-12T00:00:00Z").plusMillis(i), Map.of()));
            }
            ingestion.ingest(tenant, events);
        }
        UsageQueries queries = context.getBean(UsageQueries.class);
        Instant from = Instant.parse("2026-01-12T00:00:00Z");
        Instant to = from.plusSeconds(86_400);
        queries.usage(tenant, subscription, from, to); // warm
        double[] times = new double[5];
        MeterUsage result = null;
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            result = queries.usage(tenant, subscription, from, to).getFirst();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("  aggregate 1M events of one meter: median %.0f ms (quantity %s from %,d events)%n",
                percentile(times, 50), result.quantity().toPlainString(), result.events());
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
