package org.ratebook.engine.usage;

import org.ratebook.rules.fact.TransactionAmounts;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Usage of a subscription per meter over a window [from, to), aggregated as each meter says. */
@Component
public class UsageQueries {

    /** Decimals of a time-weighted quantity (GB-hours, device-days); the integral itself is exact. */
    public static final int TIME_WEIGHTED_SCALE = 6;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Meters meters;

    public UsageQueries(JdbcTemplate jdbc, TenantScope tenantScope, Meters meters) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.meters = meters;
    }

    /**
     * Every meter with usage in the window (a time-weighted meter also when only a level carried in from before
     * is there); a time-weighted meter weighted per period counts the window as the period.
     */
    public List<MeterUsage> usage(TenantId tenant, UUID subscriptionId, Instant from, Instant to) {
        return tenantScope.call(tenant, () -> {
            Map<String, Meter> known = meters.byCode(tenant);
            List<MeterUsage> result = new ArrayList<>();
            jdbc.query("""
                    SELECT meter, sum(quantity) AS total, max(quantity) AS highest, count(*) AS events,
                           (array_agg(quantity ORDER BY occurred_at DESC, received_at DESC))[1] AS latest
                    FROM usage_events
                    WHERE tenant_id = ? AND subscription_id = ? AND occurred_at >= ? AND occurred_at < ?
                    GROUP BY meter ORDER BY meter""", rs -> {
                Meter meter = known.get(rs.getString("meter"));
                BigDecimal quantity = switch (meter.aggregation()) {
                    case SUM -> rs.getBigDecimal("total");
                    case MAX -> rs.getBigDecimal("highest");
                    case COUNT -> BigDecimal.valueOf(rs.getLong("events"));
                    case LAST -> rs.getBigDecimal("latest");
                    case UNIQUE_COUNT, TIME_WEIGHTED -> null; // one query of their own, below
                };
                if (quantity != null) {
                    result.add(new MeterUsage(meter.code(), meter.unit(), meter.aggregation(),
                            quantity.stripTrailingZeros(), rs.getLong("events")));
                }
            }, tenant.value(), subscriptionId, Timestamp.from(from), Timestamp.from(to));
            for (Meter meter : known.values()) {
                if (meter.aggregation() == Aggregation.UNIQUE_COUNT || meter.aggregation() == Aggregation.TIME_WEIGHTED) {
                    MeterUsage own = aggregate(tenant, subscriptionId, meter, from, to, Duration.between(from, to));
                    if (own.events() > 0 || own.quantity().signum() != 0) {
                        result.add(own);
                    }
                }
            }
            result.sort(Comparator.comparing(MeterUsage::meter));
            return result;
        });
    }

    /**
     * One meter's usage in [from, to), also when there is none (quantity 0, no events). {@code period} is the
     * length of the billing period the window belongs to, which a meter weighted per period divides by (a
     * partial first period is then its share of a whole one).
     */
    public MeterUsage aggregate(TenantId tenant, UUID subscriptionId, Meter meter, Instant from, Instant to,
                                Duration period) {
        if (meter.aggregation() == Aggregation.TIME_WEIGHTED) {
            return tenantScope.call(tenant, () -> timeWeighted(tenant, subscriptionId, meter, from, to, period));
        }
        // only what the aggregation needs: a distinct count or a latest value sorts, a sum does not
        String quantity = switch (meter.aggregation()) {
            case SUM -> "coalesce(sum(quantity), 0)";
            case MAX -> "coalesce(max(quantity), 0)";
            case COUNT -> "count(*)";
            case UNIQUE_COUNT -> "count(DISTINCT properties ->> ?)";
            case LAST -> """
                    coalesce((SELECT l.quantity FROM usage_events l
                              WHERE l.tenant_id = ? AND l.subscription_id = ? AND l.meter = ? AND l.occurred_at >= ?
                                AND l.occurred_at < ?
                              ORDER BY l.occurred_at DESC, l.received_at DESC LIMIT 1), 0)""";
            case TIME_WEIGHTED -> throw new IllegalStateException("handled above");
        };
        List<Object> args = new ArrayList<>();
        if (meter.aggregation() == Aggregation.UNIQUE_COUNT) {
            args.add(meter.property());
        }
        List<Object> window = List.of(tenant.value(), subscriptionId, meter.code(), Timestamp.from(from),
                Timestamp.from(to));
        if (meter.aggregation() == Aggregation.LAST) {
            args.addAll(window);
        }
        args.addAll(window);
        return tenantScope.call(tenant, () -> jdbc.queryForObject("SELECT " + quantity + """
                 AS quantity, count(*) AS events FROM usage_events
                WHERE tenant_id = ? AND subscription_id = ? AND meter = ? AND occurred_at >= ? AND occurred_at < ?""",
                (rs, n) -> new MeterUsage(meter.code(), meter.unit(), meter.aggregation(),
                        rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getLong("events")),
                args.toArray()));
    }

    /**
     * The level (the sum of every event up to then, so it carries over from earlier periods) integrated over
     * [from, to) in level-seconds, exactly, then divided by the meter's time unit.
     */
    private MeterUsage timeWeighted(TenantId tenant, UUID subscriptionId, Meter meter, Instant from, Instant to,
                                    Duration period) {
        BigDecimal carried = jdbc.queryForObject("""
                SELECT coalesce(sum(quantity), 0) FROM usage_events
                WHERE tenant_id = ? AND subscription_id = ? AND meter = ? AND occurred_at < ?""",
                BigDecimal.class, tenant.value(), subscriptionId, meter.code(), Timestamp.from(from));
        Map<String, Object> steps = jdbc.queryForMap("""
                WITH steps AS (
                    SELECT occurred_at,
                           lead(occurred_at, 1, ?::timestamptz) OVER w AS until,
                           sum(quantity) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
                    FROM usage_events
                    WHERE tenant_id = ? AND subscription_id = ? AND meter = ? AND occurred_at >= ? AND occurred_at < ?
                    WINDOW w AS (ORDER BY occurred_at, transaction_id))
                SELECT coalesce(sum((? + running) * extract(epoch FROM until - occurred_at)), 0) AS weighted,
                       coalesce(extract(epoch FROM min(occurred_at) - ?::timestamptz),
                                extract(epoch FROM ?::timestamptz - ?::timestamptz)) AS before_first,
                       count(*) AS events
                FROM steps""",
                Timestamp.from(to), tenant.value(), subscriptionId, meter.code(), Timestamp.from(from),
                Timestamp.from(to), carried, Timestamp.from(from), Timestamp.from(to), Timestamp.from(from));
        BigDecimal levelSeconds = ((BigDecimal) steps.get("weighted"))
                .add(carried.multiply((BigDecimal) steps.get("before_first")));
        BigDecimal seconds = BigDecimal.valueOf(switch (meter.per()) {
            case HOUR -> 3_600L;
            case DAY -> 86_400L;
            case PERIOD -> period.toSeconds();
        });
        BigDecimal quantity = levelSeconds.divide(seconds, MathContext.DECIMAL128)
                .setScale(TIME_WEIGHTED_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return new MeterUsage(meter.code(), meter.unit(), meter.aggregation(),
                quantity.signum() == 0 ? BigDecimal.ZERO : quantity, ((Number) steps.get("events")).longValue());
    }

    /**
     * The events' quantities in [from, to), for charges priced per transaction: the earliest in the order they
     * occurred, as many as {@code freeEvents} and {@code freeUnits} reach (the free events, then positive amounts
     * until the free units are used up), and the others as distinct quantities with their counts. One statement,
     * so both parts come from the same snapshot even while usage arrives.
     */
    public TransactionAmounts transactionAmounts(TenantId tenant, UUID subscriptionId, String meter, Instant from,
                                                 Instant to, long freeEvents, BigDecimal freeUnits) {
        BigDecimal free = freeUnits == null ? BigDecimal.ZERO : freeUnits;
        boolean ordered = freeEvents > 0 || free.signum() > 0;
        String head = ordered ? """
                ordered AS (
                    SELECT quantity, row_number() OVER (ORDER BY occurred_at, transaction_id) AS pos FROM w),
                used AS (
                    SELECT quantity, pos,
                           coalesce(sum(CASE WHEN pos > ? AND quantity > 0 THEN quantity ELSE 0 END)
                                    OVER (ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                    FROM ordered),
                head AS (SELECT quantity, pos FROM used WHERE pos <= ? OR before < ?)
                """ : "head AS (SELECT NULL::numeric AS quantity, NULL::bigint AS pos WHERE false)\n";
        List<Object> args = new ArrayList<>(List.of(tenant.value(), subscriptionId, meter, Timestamp.from(from),
                Timestamp.from(to)));
        if (ordered) {
            args.addAll(List.of(freeEvents, freeEvents, free));
        }
        Map<BigDecimal, Long> counts = new TreeMap<>();
        List<BigDecimal> earliest = new ArrayList<>();
        tenantScope.run(tenant, () -> jdbc.query("""
                WITH w AS (
                    SELECT quantity, occurred_at, transaction_id FROM usage_events
                    WHERE tenant_id = ? AND subscription_id = ? AND meter = ? AND occurred_at >= ? AND occurred_at < ?),
                """ + head + """
                SELECT 'h' AS part, quantity, 1 AS n, pos FROM head
                UNION ALL
                SELECT 'c', quantity, count(*), NULL FROM w GROUP BY quantity
                ORDER BY part DESC, pos""", rs -> {
            BigDecimal quantity = rs.getBigDecimal("quantity").stripTrailingZeros();
            if (rs.getString("part").equals("h")) {
                earliest.add(quantity);
            } else {
                counts.merge(quantity, rs.getLong("n"), Long::sum);
            }
        }, args.toArray()));
        for (BigDecimal q : earliest) {
            counts.computeIfPresent(q, (k, c) -> c == 1 ? null : c - 1);
        }
        List<TransactionAmounts.AmountCount> others = new ArrayList<>();
        counts.forEach((amount, count) -> others.add(new TransactionAmounts.AmountCount(amount, count)));
        return new TransactionAmounts(earliest, others);
    }

    /** One usage event as listed behind an invoice line. */
    public record Transaction(String transactionId, Instant occurredAt, BigDecimal quantity) {
    }

    /** The events of one meter in [from, to), in the order they occurred, a page at a time. */
    public List<Transaction> transactions(TenantId tenant, UUID subscriptionId, String meter, Instant from,
                                          Instant to, int limit, long offset) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT transaction_id, occurred_at, quantity FROM usage_events
                WHERE tenant_id = ? AND subscription_id = ? AND meter = ? AND occurred_at >= ? AND occurred_at < ?
                ORDER BY occurred_at, transaction_id LIMIT ? OFFSET ?""",
                (rs, n) -> new Transaction(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getBigDecimal(3).stripTrailingZeros()),
                tenant.value(), subscriptionId, meter, Timestamp.from(from), Timestamp.from(to), limit, offset));
    }
}
