package org.ratebook.engine.charge.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.charge.api.OneOffChargeAddedEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one_off_charges table, written with the event (with the accounts, in the same transaction). A charge is
 * pending until a line of a non-void invoice bills it, so voiding that invoice puts it on the next one.
 */
@Component
@ProcessingGroup(AxonConfiguration.ACCOUNTS)
public class OneOffChargeProjection {

    /** A pending charge and the account it is for. */
    public record Pending(AccountId accountId, OneOffCharge charge) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public OneOffChargeProjection(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(OneOffChargeAddedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                INSERT INTO one_off_charges (tenant_id, charge_id, reference, account_id, description, quantity,
                                             unit_price, currency, charge_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.chargeId(), e.reference(), e.accountId().value(), e.description(),
                e.quantity(), e.unitPrice(), e.currency(), Date.valueOf(e.chargeOn()));
    }

    /** Charges due on or before {@code date} that no non-void invoice bills yet. */
    public List<Pending> pending(TenantId tenant, LocalDate date) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT c.* FROM one_off_charges c
                WHERE c.tenant_id = ? AND c.charge_on <= ?
                  AND NOT EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                                  WHERE l.tenant_id = c.tenant_id AND l.charge_id = c.charge_id
                                    AND i.status NOT IN ('VOID', 'DISCARDED'))
                ORDER BY c.account_id, c.charge_on, c.reference""",
                (rs, n) -> new Pending(new AccountId(rs.getObject("account_id", UUID.class)), new OneOffCharge(
                        rs.getObject("charge_id", UUID.class).toString(), rs.getObject("account_id", UUID.class)
                        .toString(), rs.getString("description"), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getString("currency").trim(),
                        rs.getDate("charge_on").toLocalDate())),
                tenant.value(), Date.valueOf(date)));
    }

    public Optional<OneOffCharge> find(TenantId tenant, UUID chargeId) {
        return tenantScope.call(tenant, () -> jdbc.query(
                "SELECT * FROM one_off_charges WHERE tenant_id = ? AND charge_id = ?",
                (rs, n) -> new OneOffCharge(chargeId.toString(), rs.getObject("account_id", UUID.class).toString(),
                        rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getString("currency").trim(), rs.getDate("charge_on").toLocalDate()),
                tenant.value(), chargeId).stream().findFirst());
    }
}
