package org.ratebook.engine.usage;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Usage of a subscription per meter over a window [from, to), aggregated as each meter says. */
@Component
public class UsageQueries {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Meters meters;

    public UsageQueries(JdbcTemplate jdbc, TenantScope tenantScope, Meters meters) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.meters = meters;
    }

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
                };
                result.add(new MeterUsage(meter.code(), meter.unit(), meter.aggregation(),
                        quantity.stripTrailingZeros(), rs.getLong("events")));
            }, tenant.value(), subscriptionId, Timestamp.from(from), Timestamp.from(to));
            return result;
        });
    }
}
