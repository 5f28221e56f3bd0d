package org.ratebook.engine.invoicing.domain;

import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Gapless numbers: the counter row is updated in the transaction that appends the invoice's event, and the
 * row lock serialises concurrent issues of one tenant. If the append fails, the number rolls back with it.
 */
@Component
public class JdbcInvoiceNumbering implements InvoiceNumbering {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TenantRegistry tenants;

    public JdbcInvoiceNumbering(JdbcTemplate jdbc, TenantScope tenantScope, TenantRegistry tenants) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.tenants = tenants;
    }

    @Override
    public String next(TenantId tenant, LocalDate invoiceDate) {
        BillingSettings settings = tenants.billingSettings(tenant);
        return next(tenant, invoiceDate, settings, settings.invoicePrefix(), "");
    }

    @Override
    public String nextCreditNote(TenantId tenant, LocalDate issuedOn) {
        return next(tenant, issuedOn, tenants.billingSettings(tenant), CREDIT_NOTE_PREFIX, CREDIT_NOTE_PREFIX + ":");
    }

    static final String CREDIT_NOTE_PREFIX = "CN";

    /** {@code settings} read once per number (they were read twice per invoice, issue 14). */
    private String next(TenantId tenant, LocalDate invoiceDate, BillingSettings settings, String prefix,
                        String series) {
        InvoiceNumberFormat format = new InvoiceNumberFormat(settings.invoiceNumberFormat());
        String sequence = series + format.sequenceKey(invoiceDate);
        tenantScope.bind(tenant);
        Long value = jdbc.queryForObject("""
                INSERT INTO invoice_number_sequences (tenant_id, sequence_key, last_value) VALUES (?, ?, 1)
                ON CONFLICT (tenant_id, sequence_key)
                DO UPDATE SET last_value = invoice_number_sequences.last_value + 1
                RETURNING last_value""", Long.class, tenant.value(), sequence);
        return format.format(prefix, invoiceDate, value);
    }
}
