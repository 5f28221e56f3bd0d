package org.ratebook.engine.billing;

import org.ratebook.engine.billing.generator.BilledItem;
import org.ratebook.engine.billing.generator.ItemKind;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.List;

/**
 * What a subscription was billed so far, from the invoice read model: its charges and the repairs that gave
 * part of them back. Lines of void invoices do not count.
 */
@Component
class BilledItems {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    BilledItems(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    List<BilledItem> of(TenantId tenant, SubscriptionView subscription) {
        String id = subscription.subscriptionId().toString();
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT l.item_type, coalesce(l.plan, ?) AS plan, coalesce(l.phase, ?) AS phase,
                       -- an hourly line's quantity is hours served (24 per day per unit): the units are what the
                       -- generator compares; the line says so by its unit (lines issued before it did were given
                       -- theirs by migration V41 and by InvoiceProjection on replay)
                       CASE WHEN l.item_type = 'RECURRING' AND l.unit = 'hour' AND l.period_to > l.period_from
                            THEN l.quantity / (24 * (l.period_to - l.period_from)) ELSE l.quantity END AS quantity,
                       l.period_from, l.period_to, coalesce(l.billing_period_from, l.period_from) AS pf,
                       coalesce(l.billing_period_to, l.period_to) AS pt,
                       -- what was paid for a charge is its amount less the discounts on it (a coupon's line names
                       -- the line it discounts), so a repair gives back the share of that, not of the list price
                       l.amount + coalesce((SELECT sum(d.amount) FROM invoice_lines d
                                            WHERE d.tenant_id = l.tenant_id AND d.invoice_id = l.invoice_id
                                              AND d.item_type = 'DISCOUNT' AND d.discount_of = l.line_no), 0) AS amount,
                       l.repairs_from, l.unit_price, l.tax_rate,
                       i.number
                FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                WHERE l.tenant_id = ? AND l.subscription_id = ? AND i.status NOT IN ('VOID', 'DISCARDED')
                  AND l.item_type IN ('RECURRING', 'FIXED', 'REPAIR')
                ORDER BY i.invoice_date, l.line_no""",
                (rs, n) -> new BilledItem(id, rs.getString("plan"), rs.getString("phase"),
                        rs.getBigDecimal("quantity").intValueExact(),
                        ItemKind.valueOf(rs.getString("item_type")), day(rs.getDate("period_from")),
                        day(rs.getDate("period_to")), day(rs.getDate("pf")), day(rs.getDate("pt")),
                        rs.getBigDecimal("amount"), day(rs.getDate("repairs_from")), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("tax_rate"),
                        rs.getString("number")),
                firstPlan(subscription), CatalogPlan.EVERGREEN, tenant.value(),
                subscription.subscriptionId().value()));
    }

    /** Lines written before plans could change name no plan: theirs is the plan the subscription started on. */
    private static String firstPlan(SubscriptionView subscription) {
        return subscription.phases().stream().map(p -> p.plan()).filter(p -> p != null).findFirst()
                .orElse(subscription.plan());
    }

    private static java.time.LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
