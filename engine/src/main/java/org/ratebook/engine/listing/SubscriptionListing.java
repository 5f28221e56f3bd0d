package org.ratebook.engine.listing;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A tenant's subscriptions, newest start first. */
@Component
public class SubscriptionListing {

    public record Filter(UUID accountId, String plan, String state) {
        public static final Filter NONE = new Filter(null, null, null);

        public Filter {
            plan = plan == null || plan.isBlank() ? null : plan.trim();
            state = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        }
    }

    public record Row(UUID subscriptionId, UUID accountId, String customer, String plan, int quantity,
                      String currency, LocalDate startDate, String state, LocalDate endsOn, LocalDate pausedFrom) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope scope;

    public SubscriptionListing(JdbcTemplate jdbc, TenantScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public Page<Row> page(TenantId tenant, Filter f, Cursor after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE s.tenant_id = ?");
        args.add(tenant.value());
        if (f.accountId() != null) {
            where.append(" AND s.account_id = ?");
            args.add(f.accountId());
        }
        if (f.plan() != null) {
            where.append(" AND s.plan = ?");
            args.add(f.plan());
        }
        if (f.state() != null) {
            where.append(" AND s.state = ?");
            args.add(f.state());
        }
        if (after != null) {
            where.append(" AND (s.start_date, s.subscription_id) < (?, ?)");
            args.add(java.sql.Date.valueOf(LocalDate.parse(after.key(0))));
            args.add(UUID.fromString(after.key(1)));
        }
        args.add(limit + 1);
        List<Row> rows = scope.call(tenant, () -> jdbc.query("""
                SELECT s.subscription_id, s.account_id, a.name, s.plan, s.quantity, s.currency, s.start_date, s.state,
                       s.ends_on, s.paused_from
                FROM subscriptions s
                LEFT JOIN accounts a ON a.tenant_id = s.tenant_id AND a.account_id = s.account_id""" + where
                + " ORDER BY s.start_date DESC, s.subscription_id DESC LIMIT ?", (rs, n) -> row(rs), args.toArray()));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        Row last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), Cursor.of(last.startDate().toString(),
                last.subscriptionId().toString()));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6).trim(), rs.getDate(7).toLocalDate(), rs.getString(8),
                rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
                rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate());
    }
}
