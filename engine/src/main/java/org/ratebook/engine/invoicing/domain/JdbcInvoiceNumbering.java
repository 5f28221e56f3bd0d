package org.ratebook.engine.invoicing.domain;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gapless numbers: the counter row is updated in the transaction that appends the invoice's event, and the
 * row lock serialises concurrent issues of one tenant. If the append fails, the number rolls back with it.
 */
@Component
public class JdbcInvoiceNumbering implements InvoiceNumbering {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    public JdbcInvoiceNumbering(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @Override
    public String next(TenantId tenant) {
        tenantScope.bind(tenant);
        Long value = jdbc.queryForObject("""
                INSERT INTO invoice_number_sequences (tenant_id, last_value) VALUES (?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET last_value = invoice_number_sequences.last_value + 1
                RETURNING last_value""", Long.class, tenant.value());
        return "INV-%06d".formatted(value);
    }
}
