package org.ratebook.engine.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.Meters;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How the SQL paths for storing a batch of usage rows compare with a raw COPY of the same rows, to choose
 * {@code UsageIngestion}'s path: durable (fsync, synchronous_commit on), one transaction per batch, the rows
 * only (no validation, no outcome mapping), each variant run between two raw COPY runs and divided by their
 * mean, in several rounds. The variants: the unnest {@code INSERT … ON CONFLICT DO NOTHING RETURNING} as the
 * tenant (RLS), the same as a plain INSERT in a savepoint with that as fallback, both with rows sorted by key;
 * COPY (text or binary) into a temporary staging table, then INSERT … SELECT; COPY straight into usage_events
 * as the table owner (bypasses RLS); JDBC batches with reWriteBatchedInserts.
 * <p>
 * Run: {@code ./mvnw -B -o -pl engine -am -Pbench -DskipTests verify
 * -Dbench.main=org.ratebook.engine.bench.IngestionVariantsProbe -Dbench.events=50000 -Dbench.rounds=8}
 * (-Dbench.only=unnest-plain-sorted,… to run some against raw-copy).
 */
public final class IngestionVariantsProbe {

    private static final Instant START = Instant.parse("2026-01-10T00:00:00Z");

    record Row(UUID sub, String tx, String meter, BigDecimal q, Instant at) {
    }

    interface Variant {
        int write(Connection c, String tenant, List<Row> rows) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 50_000);
        int batch = Integer.getInteger("bench.batch", 5_000);
        int clients = Integer.getInteger("bench.clients", 2);
        int rounds = Integer.getInteger("bench.rounds", 8);
        String only = System.getProperty("bench.only", "");
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EngineTestApplication.class);
        app.setDefaultProperties(Map.of("ratebook.billing.scheduler.enabled", "false", "logging.level.root", "WARN",
                "ratebook.embedded-db.durable", "true"));
        try (ConfigurableApplicationContext context = app.run()) {
            TenantId tenant = TenantId.of("probe-" + UUID.randomUUID().toString().substring(0, 8));
            List<UUID> subs = setUp(context, tenant, 100);
            DataSource ds = context.getBean(DataSource.class);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')");
                rs.next();
                System.out.println("fsync=" + rs.getString(1) + " synchronous_commit=" + rs.getString(2));
                s.execute("DROP TABLE IF EXISTS usage_copy_bench");
                s.execute("CREATE TABLE usage_copy_bench (LIKE usage_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                        + "INCLUDING INDEXES)");
            }
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("raw-copy", IngestionVariantsProbe::rawCopy);
            variants.put("unnest-onconflict", IngestionVariantsProbe::unnest);
            variants.put("unnest-plain", IngestionVariantsProbe::unnestPlain);
            variants.put("stage-text-onconflict", (c, t, r) -> stage(c, t, r, false, true));
            variants.put("stage-bin-onconflict", (c, t, r) -> stage(c, t, r, true, true));
            variants.put("stage-bin-plain", (c, t, r) -> stage(c, t, r, true, false));
            variants.put("copy-direct-owner", IngestionVariantsProbe::copyDirect);
            variants.put("unnest-plain-sorted", (c, t, r) -> unnestPlain(c, t, sorted(r)));
            variants.put("unnest-onconflict-sorted", (c, t, r) -> unnest(c, t, sorted(r)));
            String url = ((com.zaxxer.hikari.HikariDataSource) ds).getJdbcUrl();
            variants.put("values-rewrite-plain", (c, t, r) -> valuesRewrite(url, t, r));
            if (!only.isBlank()) {
                List<String> kept = new ArrayList<>(List.of(only.split(",")));
                kept.add("raw-copy");
                variants.keySet().retainAll(kept);
            }
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            Variant raw = variants.remove("raw-copy");
            for (int round = 0; round <= rounds; round++) {
                double before = run(ds, tenant.value(), subs, raw, events, batch, clients, "raw-" + round + "-0");
                for (var v : variants.entrySet()) {
                    double rate = run(ds, tenant.value(), subs, v.getValue(), events, batch, clients,
                            v.getKey() + "-r" + round);
                    double after = run(ds, tenant.value(), subs, raw, events, batch, clients, "raw-" + round + "-" + v.getKey());
                    if (round > 0) {
                        rates.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(rate);
                        rates.computeIfAbsent("raw-copy", k -> new ArrayList<>()).add(after);
                        ratios.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(rate / ((before + after) / 2));
                    }
                    before = after;
                }
                if (round > 0) {
                    System.out.printf("round %d: %s%n", round, ratios.entrySet().stream()
                            .map(e -> e.getKey() + "=" + String.format("%.2f", e.getValue().getLast())).toList());
                }
            }
            for (var e : rates.entrySet()) {
                double[] r = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] q = ratios.getOrDefault(e.getKey(), List.of(1.0)).stream().mapToDouble(Double::doubleValue)
                        .sorted().toArray();
                System.out.printf("%-24s median %,8.0f  min %,8.0f  max %,8.0f  ratio median %.2f (%.2f-%.2f)%n",
                        e.getKey(), r[r.length / 2], r[0], r[r.length - 1], q[q.length / 2], q[0], q[q.length - 1]);
            }
        }
        System.exit(0);
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

    private static double run(DataSource ds, String tenant, List<UUID> subs, Variant variant, int total, int batch,
                              int clients, String run) throws Exception {
        int batches = total / batch;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int cl = 0; cl < clients; cl++) {
            int client = cl;
            work.add(pool.submit(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    for (int b = client; b < batches; b += clients) {
                        List<Row> rows = new ArrayList<>(batch);
                        for (int i = b * batch; i < (b + 1) * batch; i++) {
                            rows.add(new Row(subs.get(i % subs.size()), run + "-" + i, "api_calls", BigDecimal.ONE,
                                    START.plusMillis(i)));
                        }
                        int n = variant.write(c, tenant, rows);
                        c.commit();
                        if (n != batch) {
                            throw new IllegalStateException(run + " wrote " + n);
                        }
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
        return batches * (double) batch / seconds;
    }

    private static void bind(Connection c, String tenant) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE ratebook_tenant");
        }
        try (PreparedStatement p = c.prepareStatement("SELECT set_config('ratebook.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.executeQuery().close();
        }
    }

    private static int rawCopy(Connection c, String tenant, List<Row> rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows.size() * 120);
        String now = Instant.now().toString();
        for (Row r : rows) {
            csv.append(tenant).append(',').append(r.sub()).append(',').append(r.tx()).append(',').append(r.meter())
                    .append(',').append(r.q().toPlainString()).append(',').append(r.at()).append(",,").append(now)
                    .append('\n');
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        return (int) copy.copyIn("COPY usage_copy_bench (tenant_id, subscription_id, transaction_id, meter, "
                + "quantity, occurred_at, properties, received_at) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    }

    private static final String UNNEST = """
            INSERT INTO usage_events (tenant_id, subscription_id, transaction_id, meter, quantity, occurred_at,
                                      properties, received_at)
            SELECT ?, u.s::uuid, u.t, u.m, u.q::numeric, u.o::timestamptz, u.p::jsonb, ?
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(s, t, m, q, o, p)
            """;

    private static int unnest(Connection c, String tenant, List<Row> rows) throws Exception {
        bind(c, tenant);
        return unnestInsert(c, tenant, rows, UNNEST + " ON CONFLICT (tenant_id, subscription_id, transaction_id) "
                + "DO NOTHING RETURNING subscription_id, transaction_id", true);
    }

    private static int unnestPlain(Connection c, String tenant, List<Row> rows) throws Exception {
        bind(c, tenant);
        Savepoint sp = c.setSavepoint();
        try {
            int n = unnestInsert(c, tenant, rows, UNNEST, false);
            c.releaseSavepoint(sp);
            return n;
        } catch (PSQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(sp);
            return unnest(c, tenant, rows);
        }
    }

    private static int unnestInsert(Connection c, String tenant, List<Row> rows, String sql, boolean returning)
            throws Exception {
        int n = rows.size();
        String[][] cols = new String[6][n];
        for (int k = 0; k < n; k++) {
            Row r = rows.get(k);
            cols[0][k] = r.sub().toString();
            cols[1][k] = r.tx();
            cols[2][k] = r.meter();
            cols[3][k] = r.q().toPlainString();
            cols[4][k] = r.at().toString();
            cols[5][k] = null;
        }
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, tenant);
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            for (int a = 0; a < 6; a++) {
                Array array = c.createArrayOf("text", cols[a]);
                p.setArray(3 + a, array);
            }
            if (!returning) {
                return p.executeUpdate();
            }
            int count = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1, UUID.class);
                    rs.getString(2);
                    count++;
                }
            }
            return count;
        }
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(java.util.Comparator.comparing(Row::sub).thenComparing(Row::tx));
        return copy;
    }

    private static final ThreadLocal<Connection> REWRITE = new ThreadLocal<>();

    /** Own connection with reWriteBatchedInserts; commits itself (the caller's commit is a no-op on its own). */
    private static int valuesRewrite(String url, String tenant, List<Row> rows) throws Exception {
        Connection c = REWRITE.get();
        if (c == null) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", "postgres");
            props.setProperty("reWriteBatchedInserts", "true");
            c = java.sql.DriverManager.getConnection(url, props);
            c.setAutoCommit(false);
            REWRITE.set(c);
        }
        bind(c, tenant);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO usage_events (tenant_id, subscription_id, transaction_id, meter, quantity, occurred_at,
                                          properties, received_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
            for (Row r : rows) {
                p.setString(1, tenant);
                p.setObject(2, r.sub());
                p.setString(3, r.tx());
                p.setString(4, r.meter());
                p.setBigDecimal(5, r.q());
                p.setTimestamp(6, Timestamp.from(r.at()));
                p.setString(7, null);
                p.setTimestamp(8, now);
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        return rows.size();
    }

    private static int stage(Connection c, String tenant, List<Row> rows, boolean binary, boolean onConflict)
            throws Exception {
        bind(c, tenant);
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS usage_stage (subscription_id uuid, transaction_id text, meter text,
                        quantity numeric, occurred_at timestamptz, properties jsonb) ON COMMIT DELETE ROWS""");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        if (binary) {
            byte[] data = binaryRows(rows);
            copy.copyIn("COPY usage_stage FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(data));
        } else {
            StringBuilder text = new StringBuilder(rows.size() * 100);
            for (Row r : rows) {
                text.append(r.sub()).append('\t').append(r.tx()).append('\t').append(r.meter()).append('\t')
                        .append(r.q().toPlainString()).append('\t').append(r.at()).append("\t\\N\n");
            }
            copy.copyIn("COPY usage_stage FROM STDIN", new StringReader(text.toString()));
        }
        String insert = """
                INSERT INTO usage_events (tenant_id, subscription_id, transaction_id, meter, quantity, occurred_at,
                                          properties, received_at)
                SELECT ?, subscription_id, transaction_id, meter, quantity, occurred_at, properties, ? FROM usage_stage
                """;
        if (onConflict) {
            return stageInsert(c, tenant, insert + " ON CONFLICT (tenant_id, subscription_id, transaction_id) "
                    + "DO NOTHING RETURNING subscription_id, transaction_id", true);
        }
        Savepoint sp = c.setSavepoint();
        try {
            int n = stageInsert(c, tenant, insert, false);
            c.releaseSavepoint(sp);
            return n;
        } catch (PSQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(sp);
            return stageInsert(c, tenant, insert + " ON CONFLICT (tenant_id, subscription_id, transaction_id) "
                    + "DO NOTHING RETURNING subscription_id, transaction_id", true);
        }
    }

    private static int stageInsert(Connection c, String tenant, String sql, boolean returning) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, tenant);
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            if (!returning) {
                return p.executeUpdate();
            }
            int count = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1, UUID.class);
                    rs.getString(2);
                    count++;
                }
            }
            return count;
        }
    }

    private static int copyDirect(Connection c, String tenant, List<Row> rows) throws Exception {
        bind(c, tenant);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL ROLE NONE");
        }
        Savepoint sp = c.setSavepoint();
        try {
            StringBuilder text = new StringBuilder(rows.size() * 120);
            String now = Instant.now().toString();
            for (Row r : rows) {
                text.append(tenant).append('\t').append(r.sub()).append('\t').append(r.tx()).append('\t')
                        .append(r.meter()).append('\t').append(r.q().toPlainString()).append('\t').append(r.at())
                        .append("\t\\N\t").append(now).append('\n');
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int n = (int) copy.copyIn("COPY usage_events (tenant_id, subscription_id, transaction_id, meter, "
                    + "quantity, occurred_at, properties, received_at) FROM STDIN", new StringReader(text.toString()));
            c.releaseSavepoint(sp);
            return n;
        } catch (PSQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(sp);
            return unnest(c, tenant, rows);
        }
    }

    // PGCOPY binary: header, then per row a field count and length-prefixed values in each type's send format
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    static byte[] binaryRows(List<Row> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 90);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
        for (Row r : rows) {
            out.writeShort(6);
            out.writeInt(16);
            out.writeLong(r.sub().getMostSignificantBits());
            out.writeLong(r.sub().getLeastSignificantBits());
            byte[] tx = r.tx().getBytes(StandardCharsets.UTF_8);
            out.writeInt(tx.length);
            out.write(tx);
            byte[] m = r.meter().getBytes(StandardCharsets.UTF_8);
            out.writeInt(m.length);
            out.write(m);
            writeNumeric(out, r.q());
            out.writeInt(8);
            out.writeLong(r.at().getEpochSecond() * 1_000_000L + r.at().getNano() / 1000 - PG_EPOCH_MICROS);
            out.writeInt(-1);
        }
        out.writeShort(-1);
        out.flush();
        return bytes.toByteArray();
    }

    /** numeric send format: ndigits, weight, sign, dscale, then base-10000 digits. */
    static void writeNumeric(DataOutputStream out, BigDecimal value) throws Exception {
        BigDecimal v = value.abs();
        int dscale = Math.max(0, v.scale());
        String plain = v.setScale(dscale).toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        intPart = intPart.replaceFirst("^0+", "");
        int intGroups = (intPart.length() + 3) / 4;
        String paddedInt = "0".repeat(intGroups * 4 - intPart.length()) + intPart;
        int fracGroups = (fracPart.length() + 3) / 4;
        String paddedFrac = fracPart + "0".repeat(fracGroups * 4 - fracPart.length());
        String all = paddedInt + paddedFrac;
        short[] digits = new short[all.length() / 4];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Short.parseShort(all.substring(i * 4, i * 4 + 4));
        }
        int first = 0;
        int last = digits.length;
        int weight = intGroups - 1;
        while (first < last && digits[first] == 0) {
            first++;
            weight--;
        }
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int ndigits = last - first;
        if (ndigits == 0) {
            weight = 0;
        }
        out.writeInt(8 + 2 * ndigits);
        out.writeShort(ndigits);
        out.writeShort(weight);
        out.writeShort(value.signum() < 0 ? 0x4000 : 0);
        out.writeShort(dscale);
        for (int i = first; i < last; i++) {
            out.writeShort(digits[i]);
        }
    }
}
