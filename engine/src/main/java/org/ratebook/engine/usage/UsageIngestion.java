package org.ratebook.engine.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes batches of usage events. Every event gets an outcome: accepted, duplicate (already stored), or
 * rejected with a reason; rejected events store nothing, the others are durable when this returns (one
 * transaction, committed). Duplicates are decided by the table's unique key, not by reading first, so
 * concurrent senders of the same event still count it once.
 * <p>
 * The batch is written optimistically: a plain multi-row {@code INSERT} (within a savepoint) stores a batch of
 * new events at close to PostgreSQL's {@code COPY} rate; only if the unique key refuses a row (a re-sent
 * event) is the savepoint rolled back and the batch written again with {@code ON CONFLICT DO NOTHING
 * RETURNING}, which says which events were new. Rows go in sorted by (subscription, transaction id): two
 * batches that share events then take the key locks in the same order and cannot deadlock, and the index
 * insertions are local (docs/decisions/011-usage-ingestion-path.md, docs/benchmarks.md).
 */
@Service
public class UsageIngestion {

    public static final int MAX_BATCH = 10_000;
    /** How far in the future a timestamp may be, for clients whose clocks run a little fast. */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final int MAX_DECIMALS = 9;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1e20");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Comparator<Row> KEY_ORDER = Comparator.comparing((Row r) -> r.key().subscription())
            .thenComparing(r -> r.key().transaction());
    private static final String INSERT = """
            INSERT INTO usage_events (tenant_id, subscription_id, transaction_id, meter, quantity, occurred_at,
                                      properties, received_at)
            SELECT ?, u.s::uuid, u.t, u.m, u.q::numeric, u.o::timestamptz, u.p::jsonb, ?
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(s, t, m, q, o, p)""";
    private static final String INSERT_NEW_ONLY = INSERT + """

            ON CONFLICT (tenant_id, subscription_id, transaction_id) DO NOTHING
            RETURNING subscription_id, transaction_id""";

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TenantClocks clocks;
    private final Meters meters;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public UsageIngestion(JdbcTemplate jdbc, TenantScope tenantScope, TenantClocks clocks, Meters meters) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.clocks = clocks;
        this.meters = meters;
    }

    private record Key(UUID subscription, String transaction) {
    }

    /** A valid event with the subscription it counts for. */
    private record Row(Key key, UsageEvent event) {
    }

    public List<UsageOutcome> ingest(TenantId tenant, List<UsageEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new BatchTooLargeException("a batch holds at most " + MAX_BATCH + " events, this one has "
                    + events.size() + "; split it");
        }
        Instant now = clocks.of(tenant).instant();
        return tenantScope.call(tenant, () -> {
            Map<String, Meter> known = meters.byCode(tenant);
            UsageAddresses addresses = UsageAddresses.read(jdbc, tenant, events);
            UsageOutcome[] outcomes = new UsageOutcome[events.size()];
            Row[] rows = new Row[events.size()];
            List<Row> valid = new ArrayList<>(events.size());
            Set<Key> inBatch = new HashSet<>();
            for (int i = 0; i < events.size(); i++) {
                UsageEvent e = events.get(i);
                String reason = problem(e, known, now);
                UUID subscription = null;
                if (reason == null) {
                    UsageAddresses.Address address = addresses.of(e);
                    subscription = address.subscriptionId();
                    reason = address.problem();
                }
                if (reason == null && !inBatch.add(new Key(subscription, e.transactionId()))) {
                    reason = "transactionId " + e.transactionId() + " appears more than once in this batch"
                            + (e.subscriptionId() == null ? " for subscription " + subscription : "");
                }
                if (reason != null) {
                    outcomes[i] = UsageOutcome.rejected(e.transactionId(), reason, subscription);
                } else {
                    rows[i] = new Row(new Key(subscription, e.transactionId()), e);
                    valid.add(rows[i]);
                }
            }
            Stored stored = store(tenant, valid, now);
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] != null) {
                    Key key = rows[i].key();
                    outcomes[i] = stored.contains(key) ? UsageOutcome.accepted(key.transaction(), key.subscription())
                            : UsageOutcome.duplicate(key.transaction(), key.subscription());
                }
            }
            return List.of(outcomes);
        });
    }

    /** What is wrong with the event itself, before its subscription is looked up; null when nothing. */
    private static String problem(UsageEvent e, Map<String, Meter> known, Instant now) {
        if (e.transactionId() == null || e.transactionId().isBlank() || e.transactionId().length() > 200) {
            return "transactionId is required (at most 200 characters)";
        }
        if (e.subscriptionId() == null && e.accountId() == null) {
            return "subscriptionId or accountId is required";
        }
        Meter meter = e.meter() == null ? null : known.get(e.meter());
        if (meter == null) {
            return "unknown meter '" + e.meter() + "'; this tenant's meters are " + known.keySet().stream().sorted().toList();
        }
        if (e.quantity() == null) {
            return "quantity is required";
        }
        if (e.quantity().signum() < 0 && !meter.correctable()) {
            return "negative quantity " + e.quantity().toPlainString() + " on meter '" + meter.code()
                    + "', which does not accept corrections";
        }
        if (e.quantity().stripTrailingZeros().scale() > MAX_DECIMALS || e.quantity().abs().compareTo(MAX_QUANTITY) >= 0) {
            return "quantity " + e.quantity().toPlainString() + " has more than " + MAX_DECIMALS
                    + " decimals or is too large";
        }
        if (e.timestamp() == null) {
            return "timestamp is required";
        }
        if (e.timestamp().isAfter(now.plus(FUTURE_SKEW))) {
            return "timestamp " + e.timestamp() + " is in the future (more than " + FUTURE_SKEW.toMinutes()
                    + " minutes ahead of " + now + ")";
        }
        return null;
    }

    /** The keys this call stored: all of them, or (after a re-sent event) those that were not there already. */
    private record Stored(boolean all, Set<Key> keys) {
        boolean contains(Key key) {
            return all || keys.contains(key);
        }
    }

    private Stored store(TenantId tenant, List<Row> valid, Instant now) {
        if (valid.isEmpty()) {
            return new Stored(false, Set.of());
        }
        valid.sort(KEY_ORDER);
        String[][] columns = columns(valid);
        return jdbc.execute((ConnectionCallback<Stored>) connection -> {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                try (PreparedStatement insert = prepare(connection, INSERT, tenant, columns, now)) {
                    insert.executeUpdate();
                }
                connection.releaseSavepoint(beforeInsert);
                return new Stored(true, Set.of());
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeInsert);
            }
            Set<Key> stored = new HashSet<>();
            try (PreparedStatement insert = prepare(connection, INSERT_NEW_ONLY, tenant, columns, now);
                 ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Key(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return new Stored(false, stored);
        });
    }

    /** The batch by column, as text: subscription, transaction, meter, quantity, occurred at, properties. */
    private String[][] columns(List<Row> rows) {
        int n = rows.size();
        String[][] columns = new String[6][n];
        for (int k = 0; k < n; k++) {
            Row row = rows.get(k);
            UsageEvent e = row.event();
            columns[0][k] = row.key().subscription().toString();
            columns[1][k] = e.transactionId();
            columns[2][k] = e.meter();
            columns[3][k] = e.quantity().toPlainString();
            columns[4][k] = e.timestamp().toString();
            columns[5][k] = e.properties() == null || e.properties().isEmpty() ? null : toJson(e.properties());
        }
        return columns;
    }

    /** One statement for the whole batch: each column as one array parameter. */
    private static PreparedStatement prepare(Connection connection, String sql, TenantId tenant, String[][] columns,
                                             Instant now) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(sql);
        try {
            insert.setString(1, tenant.value());
            insert.setTimestamp(2, Timestamp.from(now));
            for (int a = 0; a < columns.length; a++) {
                Array array = connection.createArrayOf("text", columns[a]);
                insert.setArray(3 + a, array);
            }
            return insert;
        } catch (SQLException | RuntimeException e) {
            insert.close();
            throw e;
        }
    }

    private String toJson(Map<String, String> properties) {
        try {
            return json.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("properties cannot be written as JSON", e);
        }
    }
}
