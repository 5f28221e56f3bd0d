package org.ratebook.engine.rating;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What invoices (not void) charged so far for a subscription's usage periods, per meter and period, from the
 * invoice read model: the amount of every usage, true-up and adjustment line of the period, and the quantity
 * and event count the latest of them was rated at.
 */
@Component
class BilledUsage {

    /** A usage period as billed so far. */
    record Billed(LocalDate to, BigDecimal amount, BigDecimal quantity, long transactions) {
    }

    record Key(String meter, LocalDate from) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    BilledUsage(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    Map<Key, Billed> of(TenantId tenant, UUID subscriptionId) {
        Map<Key, Billed> billed = new HashMap<>();
        tenantScope.run(tenant, () -> jdbc.query("""
                SELECT l.meter, l.period_from, l.period_to, l.item_type, l.quantity, l.amount, l.transactions
                FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                WHERE l.tenant_id = ? AND l.subscription_id = ? AND l.meter IS NOT NULL AND i.status NOT IN ('VOID', 'DISCARDED')
                ORDER BY i.invoice_date, i.number, l.line_no""", rs -> {
            Key key = new Key(rs.getString("meter"), rs.getDate("period_from").toLocalDate());
            Billed before = billed.get(key);
            BigDecimal amount = rs.getBigDecimal("amount");
            boolean rated = !"TRUE_UP".equals(rs.getString("item_type")); // a true-up repeats its usage line's figures
            long transactions = rs.getObject("transactions") == null ? 0 : rs.getLong("transactions");
            billed.put(key, new Billed(rs.getDate("period_to").toLocalDate(),
                    before == null ? amount : before.amount().add(amount),
                    rated || before == null ? rs.getBigDecimal("quantity") : before.quantity(),
                    rated || before == null ? transactions : before.transactions()));
        }, tenant.value(), subscriptionId));
        return billed;
    }
}
