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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 */
@Service
public class UsageIngestion {

    public static final int MAX_BATCH = 10_000;
    /** How far in the future a timestamp may be, for clients whose clocks run a little fast. */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final int MAX_DECIMALS = 9;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1e20");

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

    public List<UsageOutcome> ingest(TenantId tenant, List<UsageEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new BatchTooLargeException("a batch holds at most " + MAX_BATCH + " events, this one has "
                    + events.size() + "; split it");
        }
        Instant now = clocks.of(tenant).instant();
        return tenantScope.call(tenant, () -> {
            Map<String, Meter> known = meters.byCode(tenant);
            Set<UUID> subscriptions = activeSubscriptions(tenant, events);
            UsageOutcome[] outcomes = new UsageOutcome[events.size()];
            List<Integer> valid = new ArrayList<>();
            Set<Key> inBatch = new HashSet<>();
            for (int i = 0; i < events.size(); i++) {
                UsageEvent e = events.get(i);
                String reason = problem(e, known, subscriptions, now);
                if (reason == null && !inBatch.add(new Key(e.subscriptionId(), e.transactionId()))) {
                    reason = "transactionId " + e.transactionId() + " appears more than once in this batch";
                }
                if (reason != null) {
                    outcomes[i] = UsageOutcome.rejected(e.transactionId(), reason);
                } else {
                    valid.add(i);
                }
            }
            Set<Key> stored = insert(tenant, events, valid, now);
            for (int i : valid) {
                UsageEvent e = events.get(i);
                outcomes[i] = stored.contains(new Key(e.subscriptionId(), e.transactionId()))
                        ? UsageOutcome.accepted(e.transactionId()) : UsageOutcome.duplicate(e.transactionId());
            }
            return List.of(outcomes);
        });
    }

    private static String problem(UsageEvent e, Map<String, Meter> known, Set<UUID> subscriptions, Instant now) {
        if (e.transactionId() == null || e.transactionId().isBlank() || e.transactionId().length() > 200) {
            return "transactionId is required (at most 200 characters)";
        }
        if (e.subscriptionId() == null) {
            return "subscriptionId is required";
        }
        if (!subscriptions.contains(e.subscriptionId())) {
            return "unknown subscription " + e.subscriptionId();
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

    private Set<UUID> activeSubscriptions(TenantId tenant, List<UsageEvent> events) {
        UUID[] ids = events.stream().map(UsageEvent::subscriptionId).filter(id -> id != null).distinct()
                .toArray(UUID[]::new);
        if (ids.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                SELECT subscription_id FROM subscriptions
                WHERE tenant_id = ? AND state = 'ACTIVE' AND subscription_id = ANY (?)""",
                UUID.class, tenant.value(), ids));
    }

    /** One statement for the whole batch; returns the keys this call stored (the others were there already). */
    private Set<Key> insert(TenantId tenant, List<UsageEvent> events, List<Integer> valid, Instant now) {
        if (valid.isEmpty()) {
            return Set.of();
        }
        int n = valid.size();
        String[] subscription = new String[n];
        String[] transaction = new String[n];
        String[] meter = new String[n];
        String[] quantity = new String[n];
        String[] occurred = new String[n];
        String[] properties = new String[n];
        for (int k = 0; k < n; k++) {
            UsageEvent e = events.get(valid.get(k));
            subscription[k] = e.subscriptionId().toString();
            transaction[k] = e.transactionId();
            meter[k] = e.meter();
            quantity[k] = e.quantity().toPlainString();
            occurred[k] = e.timestamp().toString();
            properties[k] = e.properties() == null || e.properties().isEmpty() ? null : toJson(e.properties());
        }
        return jdbc.execute((ConnectionCallback<Set<Key>>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO usage_events (tenant_id, subscription_id, transaction_id, meter, quantity, occurred_at,
                                              properties, received_at)
                    SELECT ?, u.s::uuid, u.t, u.m, u.q::numeric, u.o::timestamptz, u.p::jsonb, ?
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(s, t, m, q, o, p)
                    ON CONFLICT (tenant_id, subscription_id, transaction_id) DO NOTHING
                    RETURNING subscription_id, transaction_id""")) {
                insert.setString(1, tenant.value());
                insert.setTimestamp(2, Timestamp.from(now));
                Array[] arrays = {connection.createArrayOf("text", subscription), connection.createArrayOf("text", transaction),
                        connection.createArrayOf("text", meter), connection.createArrayOf("text", quantity),
                        connection.createArrayOf("text", occurred), connection.createArrayOf("text", properties)};
                for (int a = 0; a < arrays.length; a++) {
                    insert.setArray(3 + a, arrays[a]);
                }
                Set<Key> stored = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        stored.add(new Key(rs.getObject(1, UUID.class), rs.getString(2)));
                    }
                }
                return stored;
            }
        });
    }

    private String toJson(Map<String, String> properties) {
        try {
            return json.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("properties cannot be written as JSON", e);
        }
    }
}
