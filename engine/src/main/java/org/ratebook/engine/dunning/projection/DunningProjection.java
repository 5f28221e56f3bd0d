package org.ratebook.engine.dunning.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.dunning.api.DunningStateChangedEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;

/**
 * The dunning tables, written by a subscribing processor in the transaction that stores the event: what each
 * invoice still asks for ({@code dunning_receivables}), and each account's standing and its changes. Payments
 * re-evaluate the standing right after they commit, so they must see their own effect here; the invoices read
 * model is streamed and may not show it yet.
 */
@Component
@ProcessingGroup(DunningProjection.PROCESSING_GROUP)
public class DunningProjection {

    public static final String PROCESSING_GROUP = "dunning";

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public DunningProjection(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(InvoiceIssuedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                INSERT INTO dunning_receivables (tenant_id, invoice_id, account_id, currency, invoice_date, due_date,
                                                 balance, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.invoiceId().value(), e.accountId().value(), e.currency(),
                Date.valueOf(e.invoiceDate()), Date.valueOf(e.dueDate()), e.total(),
                e.total().signum() > 0 ? "OPEN" : "PAID");
    }

    @EventHandler
    void on(PaymentRecordedEvent e) {
        tenantScope.bind(e.tenantId());
        balance(e.tenantId().value(), e.invoiceId().value(), e.balanceAfter());
    }

    @EventHandler
    void on(PaymentRefundedEvent e) {
        tenantScope.bind(e.tenantId());
        balance(e.tenantId().value(), e.invoiceId().value(), e.balanceAfter());
    }

    @EventHandler
    void on(CreditNoteIssuedEvent e) {
        tenantScope.bind(e.tenantId());
        balance(e.tenantId().value(), e.invoiceId().value(), e.balanceAfter());
    }

    @EventHandler
    void on(InvoiceVoidedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("UPDATE dunning_receivables SET balance = 0, status = 'VOID' WHERE tenant_id = ? AND invoice_id = ?",
                e.tenantId().value(), e.invoiceId().value());
    }

    private void balance(String tenant, java.util.UUID invoice, BigDecimal balanceAfter) {
        jdbc.update("""
                UPDATE dunning_receivables SET balance = ?, status = CASE WHEN ? THEN 'PAID' ELSE 'OPEN' END
                WHERE tenant_id = ? AND invoice_id = ? AND status <> 'VOID'""",
                balanceAfter, balanceAfter.signum() <= 0, tenant, invoice);
    }

    @EventHandler
    void on(DunningStateChangedEvent e) {
        tenantScope.bind(e.tenantId());
        String actions = toJson(e.actions());
        String rules = toJson(e.rules());
        jdbc.update("""
                INSERT INTO account_standings (tenant_id, account_id, state, since, changed_on, actions, rules, trace,
                                               pack_name, pack_version, pack_hash, trigger, currency,
                                               oldest_unpaid_due, days_past_due, unpaid_balance, unpaid_invoices,
                                               overdue_balance, overdue_invoices)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, account_id) DO UPDATE SET
                    state = excluded.state,
                    since = CASE WHEN account_standings.state = excluded.state THEN account_standings.since
                                 ELSE excluded.since END,
                    changed_on = excluded.changed_on, actions = excluded.actions, rules = excluded.rules,
                    trace = excluded.trace, pack_name = excluded.pack_name, pack_version = excluded.pack_version,
                    pack_hash = excluded.pack_hash, trigger = excluded.trigger, currency = excluded.currency,
                    oldest_unpaid_due = excluded.oldest_unpaid_due, days_past_due = excluded.days_past_due,
                    unpaid_balance = excluded.unpaid_balance, unpaid_invoices = excluded.unpaid_invoices,
                    overdue_balance = excluded.overdue_balance, overdue_invoices = excluded.overdue_invoices""",
                e.tenantId().value(), e.accountId().value(), e.to().name(), Date.valueOf(e.on()), Date.valueOf(e.on()),
                actions, rules, toJson(e.trace()), e.pack().name(), e.pack().version(), e.pack().hash(), e.trigger(),
                e.figures().currency(), e.figures().oldestUnpaidDueDate() == null ? null
                        : Date.valueOf(e.figures().oldestUnpaidDueDate()),
                e.figures().daysPastDue(), e.figures().unpaidBalance(), e.figures().unpaidInvoices(),
                e.figures().overdueBalance(), e.figures().overdueInvoices());
        jdbc.update("""
                INSERT INTO account_standing_changes (tenant_id, account_id, on_date, from_state, to_state, actions,
                                                      rules, pack_name, pack_version, trigger, days_past_due,
                                                      unpaid_balance, unpaid_invoices)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                e.tenantId().value(), e.accountId().value(), Date.valueOf(e.on()), e.from().name(), e.to().name(),
                actions, rules, e.pack().name(), e.pack().version(), e.trigger(), e.figures().daysPastDue(),
                e.figures().unpaidBalance(), e.figures().unpaidInvoices());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write read-model JSON", ex);
        }
    }
}
