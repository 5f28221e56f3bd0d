package org.ratebook.engine.rating;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.UsageSpikeFlag;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Usage the tenant's rules flagged as unusual (a spike), from the invoices that carry the flags: the
 * {@code usage_spikes} table and the newest-first list the console and the API show. Streamed with the
 * invoice read model, so a replay rebuilds both together.
 */
@Component
@ProcessingGroup(AxonConfiguration.INVOICES)
public class UsageSpikes {

    /** One flagged period, as listed. */
    public record Spike(UUID invoiceId, UUID subscriptionId, UUID accountId, String meter, LocalDate from,
                        LocalDate to, BigDecimal quantity, BigDecimal trailingAverage, String reason, String rule,
                        LocalDate flaggedOn) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public UsageSpikes(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(InvoiceIssuedEvent e) {
        if (e.spikes().isEmpty()) {
            return;
        }
        tenantScope.bind(e.tenantId());
        int position = 0;
        for (UsageSpikeFlag s : e.spikes()) {
            jdbc.update("""
                    INSERT INTO usage_spikes (tenant_id, invoice_id, position, subscription_id, account_id, meter,
                                              period_from, period_to, quantity, trailing_average, reason, rule, flagged_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    e.tenantId().value(), e.invoiceId().value(), position++, UUID.fromString(s.subscriptionId()),
                    e.accountId().value(), s.meter(), Date.valueOf(s.from()), Date.valueOf(s.to()), s.quantity(),
                    s.trailingAverage(), s.reason(), s.rule(), Date.valueOf(e.invoiceDate()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM usage_spikes");
    }

    /** The tenant's flagged usage, newest first. */
    public List<Spike> latest(TenantId tenant, int limit) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT invoice_id, subscription_id, account_id, meter, period_from, period_to, quantity,
                       trailing_average, reason, rule, flagged_on
                FROM usage_spikes WHERE tenant_id = ? ORDER BY flagged_on DESC, invoice_id, position LIMIT ?""",
                (rs, n) -> new Spike(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate(), rs.getBigDecimal(7).stripTrailingZeros(),
                        rs.getBigDecimal(8) == null ? null : rs.getBigDecimal(8).stripTrailingZeros(),
                        rs.getString(9), rs.getString(10), rs.getDate(11).toLocalDate()),
                tenant.value(), limit));
    }
}
