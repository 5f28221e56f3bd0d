package org.ratebook.engine.invoicing.domain;

import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.NumberingScope;
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

    /**
     * Both series advance with every invoice, the tenant's and the customer's (so a seller that switches scope
     * goes on without a gap in either); the scope chooses the one printed. Per customer, the number also shows the
     * customer's number in the tenant, given the first time one is needed, in a series of its own.
     */
    @Override
    public String next(TenantId tenant, org.ratebook.engine.account.api.AccountId account, LocalDate invoiceDate) {
        BillingSettings settings = tenants.billingSettings(tenant);
        InvoiceNumberFormat format = new InvoiceNumberFormat(settings.invoiceNumberFormat());
        tenantScope.bind(tenant);
        long tenantSequence = advance(tenant, format.sequenceKey(invoiceDate));
        long customerSequence = advance(tenant, CUSTOMER_SERIES + account.value() + ":" + format.sequenceKey(invoiceDate));
        long customer = format.showsCustomer() ? customerNumber(tenant, account) : 0;
        boolean perCustomer = settings.numberingScope() == NumberingScope.CUSTOMER && format.showsCustomer();
        return format.format(settings.invoicePrefix(), invoiceDate, perCustomer ? customerSequence : tenantSequence,
                customer);
    }

    /** The customer's number in the tenant, given in order the first time an invoice number shows it. */
    private long customerNumber(TenantId tenant, org.ratebook.engine.account.api.AccountId account) {
        Long known = jdbc.query("""
                SELECT customer_no FROM invoice_number_customers WHERE tenant_id = ? AND account_id = ?""",
                (rs, n) -> rs.getLong(1), tenant.value(), account.value()).stream().findFirst().orElse(null);
        if (known != null) {
            return known;
        }
        long number = advance(tenant, CUSTOMERS);
        jdbc.update("INSERT INTO invoice_number_customers (tenant_id, account_id, customer_no) VALUES (?, ?, ?)",
                tenant.value(), account.value(), number);
        return number;
    }

    private long advance(TenantId tenant, String sequence) {
        Long value = jdbc.queryForObject("""
                INSERT INTO invoice_number_sequences (tenant_id, sequence_key, last_value) VALUES (?, ?, 1)
                ON CONFLICT (tenant_id, sequence_key)
                DO UPDATE SET last_value = invoice_number_sequences.last_value + 1
                RETURNING last_value""", Long.class, tenant.value(), sequence);
        return value == null ? 0 : value;
    }

    static final String CUSTOMER_SERIES = "customer:";
    static final String CUSTOMERS = "customers";

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
