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
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Durable, idempotent usage ingestion (the real service: tenant scope with Row-Level Security, validation,
 * unique key) against the raw PostgreSQL COPY rate of equivalent rows into a table with the same key and
 * index, in the same run and on the same database, each batch committed on its own with fsync and
 * synchronous_commit on. The two alternate in rounds (ingestion first in odd rounds, COPY first in even ones)
 * so that other work on the machine weighs on both alike; the ratio is taken per round. Also: re-sent batches,
 * half re-sent batches, and the cost of aggregating a meter with 1M events.
 * <p>
 * Run: {@code ./mvnw -B -o -pl engine -am -Pbench -DskipTests verify} (options: -Dbench.events per round and
 * side, -Dbench.rounds, -Dbench.batch, -Dbench.clients). Uses the embedded PostgreSQL unless
 * SPRING_DATASOURCE_URL is set.
 */
public final class UsageIngestionBenchmark {

    private static final Instant START = Instant.parse("2026-01-10T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int batch = Integer.getInteger("bench.batch", 2_500);
        int clients = Integer.getInteger("bench.clients", 2);
        int subscriptions = 100;
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EngineTestApplication.class);
        app.setDefaultProperties(Map.of("ratebook.billing.scheduler.enabled", "false", "logging.level.root", "WARN",
                "ratebook.embedded-db.durable", "true"));
        try (ConfigurableApplicationContext context = app.run()) {
            TenantId tenant = TenantId.of("bench-" + UUID.randomUUID().toString().substring(0, 8));
            List<UUID> subs = setUp(context, tenant, subscriptions);
            UsageIngestion ingestion = context.getBean(UsageIngestion.class);
            DataSource dataSource = context.getBean(DataSource.class);
            String durability = durability(dataSource);
            prepareCopyTables(dataSource);

            // warm-up: JIT, plan caches, connection pool
            run(ingestion, tenant, subs, 20 * batch, batch, clients, "warm");
            copy(dataSource, tenant, subs, 20 * batch, batch, clients, "warm", "usage_copy_bench", false);
            copy(dataSource, tenant, subs, 20 * batch, batch, clients, "warm", "usage_copy_sorted", true);

            List<Result> ingests = new ArrayList<>();
            List<Result> copies = new ArrayList<>();
            List<Result> sortedCopies = new ArrayList<>();
            System.out.printf("%nUsage ingestion benchmark: %,d events per side and round, %d rounds, batches of %,d, "
                    + "%d client(s), %d subscriptions; %s%n", events, rounds, batch, clients, subscriptions, durability);
            for (int round = 1; round <= rounds; round++) {
                String run = "r" + round;
                String loadBefore = loadAverage();
                Result ingest;
                Result copy;
                Result sorted;
                if (round % 2 == 1) {
                    ingest = run(ingestion, tenant, subs, events, batch, clients, run);
                    copy = copy(dataSource, tenant, subs, events, batch, clients, run, "usage_copy_bench", false);
                    sorted = copy(dataSource, tenant, subs, events, batch, clients, run, "usage_copy_sorted", true);
                } else {
                    sorted = copy(dataSource, tenant, subs, events, batch, clients, run, "usage_copy_sorted", true);
                    copy = copy(dataSource, tenant, subs, events, batch, clients, run, "usage_copy_bench", false);
                    ingest = run(ingestion, tenant, subs, events, batch, clients, run);
                }
                ingests.add(ingest);
                copies.add(copy);
                sortedCopies.add(sorted);
                System.out.printf("  round %d: ingestion %,8.0f events/s (p99 %5.1f ms), raw COPY %,8.0f rows/s, "
                                + "ratio %.2f; COPY of pre-sorted rows %,8.0f rows/s, ratio %.2f  [load %s -> %s]%n",
                        round, ingest.rate(), ingest.p99(), copy.rate(), ingest.rate() / copy.rate(), sorted.rate(),
                        ingest.rate() / sorted.rate(), loadBefore, loadAverage());
            }
            Result duplicates = run(ingestion, tenant, subs, events, batch, clients, "r1", UsageOutcome.Status.DUPLICATE);
            Result halfNew = runHalfNew(ingestion, tenant, subs, events, batch, clients);

            double[] ratios = new double[rounds];
            double[] sortedRatios = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ratios[i] = ingests.get(i).rate() / copies.get(i).rate();
                sortedRatios[i] = ingests.get(i).rate() / sortedCopies.get(i).rate();
            }
            System.out.printf("%nSummary over %d rounds (median, min-max):%n", rounds);
            System.out.printf("  ratebook ingestion : %s events/s   batch p50 %6.1f ms  p99 %6.1f ms (all rounds' batches)%n",
                    spread(ingests.stream().mapToDouble(Result::rate).toArray(), "%,.0f"),
                    percentile(allLatencies(ingests), 50), percentile(allLatencies(ingests), 99));
            System.out.printf("  raw COPY           : %s rows/s     batch p50 %6.1f ms  p99 %6.1f ms%n",
                    spread(copies.stream().mapToDouble(Result::rate).toArray(), "%,.0f"),
                    percentile(allLatencies(copies), 50), percentile(allLatencies(copies), 99));
            System.out.printf("  ratio              : %s%n", spread(ratios, "%.2f"));
            System.out.printf("  raw COPY, pre-sorted rows: %s rows/s, ratio %s%n",
                    spread(sortedCopies.stream().mapToDouble(Result::rate).toArray(), "%,.0f"),
                    spread(sortedRatios, "%.2f"));
            System.out.printf("  re-sent batches    : %,10.0f events/s (all counted DUPLICATE: %s)%n",
                    duplicates.rate(), duplicates.outcomesAsExpected());
            System.out.printf("  half re-sent       : %,10.0f events/s (half ACCEPTED, half DUPLICATE: %s)%n",
                    halfNew.rate(), halfNew.outcomesAsExpected());

            aggregateOneMillion(context, ingestion, tenant, subs.getFirst(), batch);
        }
        // the engine's framework threads need not be waited for once the context is closed
        System.exit(0);
    }

    private record Result(double rate, double[] latencies, boolean outcomesAsExpected) {
        double p99() {
            return percentile(latencies, 99);
        }
    }

    private static String durability(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'), version()")) {
            rs.next();
            if (!"on".equals(rs.getString(1)) || !"on".equals(rs.getString(2))) {
                throw new IllegalStateException("not durable: fsync=" + rs.getString(1) + ", synchronous_commit="
                        + rs.getString(2));
            }
            return "fsync=on, synchronous_commit=on, " + rs.getString(3).replaceFirst(" on .*", "");
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
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

    /** Events as a client sends them: round-robin over the subscriptions, one transaction id each. */
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
        return run(ingestion, tenant, subs, total, batch, clients, run, UsageOutcome.Status.ACCEPTED);
    }

    private static Result run(UsageIngestion ingestion, TenantId tenant, List<UUID> subs, int total, int batch,
                              int clients, String run, UsageOutcome.Status expected) throws Exception {
        return timed(total, batch, clients, (client, b) -> {
            List<UsageEvent> events = events(subs, run, b * batch, batch);
            long t0 = System.nanoTime();
            List<UsageOutcome> outcomes = ingestion.ingest(tenant, events);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (outcomes.stream().anyMatch(o -> o.status() == UsageOutcome.Status.REJECTED)) {
                throw new IllegalStateException("benchmark events were rejected: " + outcomes.getFirst());
            }
            return new Batch(ms, outcomes.stream().allMatch(o -> o.status() == expected));
        });
    }

    /** Batches of which the first half was stored before (round 1's events) and the second half is new. */
    private static Result runHalfNew(UsageIngestion ingestion, TenantId tenant, List<UUID> subs, int total, int batch,
                                     int clients) throws Exception {
        int half = batch / 2;
        return timed(total, batch, clients, (client, b) -> {
            List<UsageEvent> events = new ArrayList<>(events(subs, "r1", b * half, half));
            events.addAll(events(subs, "half", b * half, batch - half));
            long t0 = System.nanoTime();
            List<UsageOutcome> outcomes = ingestion.ingest(tenant, events);
            double ms = (System.nanoTime() - t0) / 1e6;
            boolean expected = true;
            for (int i = 0; i < outcomes.size(); i++) {
                expected &= outcomes.get(i).status() == (i < half ? UsageOutcome.Status.DUPLICATE
                        : UsageOutcome.Status.ACCEPTED);
            }
            return new Batch(ms, expected);
        });
    }

    private record Batch(double millis, boolean outcomesAsExpected) {
    }

    private interface BatchWork {
        Batch send(int client, int batchNumber) throws Exception;
    }

    /** Runs the batches over {@code clients} threads; the rate is over the wall-clock time of all of them. */
    private static Result timed(int total, int batch, int clients, BatchWork work) throws Exception {
        int batches = total / batch;
        double[] latencies = new double[batches];
        boolean[] expected = new boolean[batches];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int b = client; b < batches; b += clients) {
                    Batch done = work.send(client, b);
                    latencies[b] = done.millis();
                    expected[b] = done.outcomesAsExpected();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        boolean allExpected = true;
        for (boolean e : expected) {
            allExpected &= e;
        }
        return new Result(batches * (double) batch / seconds, latencies, allExpected);
    }

    private static void prepareCopyTables(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            for (String table : List.of("usage_copy_bench", "usage_copy_sorted")) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (LIKE usage_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                        + "INCLUDING INDEXES)");
            }
        }
    }

    /**
     * The same events as rows through COPY (CSV), one transaction per batch, into a table with the same key and
     * index, from as many clients; {@code sorted}: the rows of each batch in key order, as ingestion stores them.
     * Building the CSV is inside the timing, as building the statement is for ingestion.
     */
    private static Result copy(DataSource dataSource, TenantId tenant, List<UUID> subs, int total, int batch,
                               int clients, String run, String table, boolean sorted) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                connections.add(dataSource.getConnection());
                connections.getLast().setAutoCommit(false);
            }
            return timed(total, batch, clients, (client, b) -> {
                Connection connection = connections.get(client);
                List<UsageEvent> events = events(subs, run, b * batch, batch);
                long t0 = System.nanoTime();
                if (sorted) {
                    events = new ArrayList<>(events);
                    events.sort(java.util.Comparator.comparing(UsageEvent::subscriptionId)
                            .thenComparing(UsageEvent::transactionId));
                }
                StringBuilder csv = new StringBuilder(batch * 140);
                String now = Instant.now().toString();
                for (UsageEvent e : events) {
                    csv.append(tenant.value()).append(',').append(e.subscriptionId()).append(',')
                            .append(e.transactionId()).append(',').append(e.meter()).append(',')
                            .append(e.quantity().toPlainString()).append(',').append(e.timestamp()).append(",,")
                            .append(now).append('\n');
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("COPY " + table + " (tenant_id, subscription_id, transaction_id, meter, quantity, "
                        + "occurred_at, properties, received_at) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
                connection.commit();
                return new Batch((System.nanoTime() - t0) / 1e6, true);
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static double[] allLatencies(List<Result> results) {
        return results.stream().flatMapToDouble(r -> Arrays.stream(r.latencies())).toArray();
    }

    private static String spread(double[] values, String format) {
        return String.format(format, percentile(values, 50)) + " (" + String.format(format, min(values)) + "-"
                + String.format(format, max(values)) + ")";
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
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
