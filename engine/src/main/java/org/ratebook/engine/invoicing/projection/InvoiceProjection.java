package org.ratebook.engine.invoicing.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ratebook.engine.account.api.AccountCreditGivenEvent;
import org.ratebook.engine.account.api.AccountCreditTakenEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftDiscardedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceFinalizedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.InvoicePaidEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;

/**
 * The invoices and invoice_lines tables. Streamed from the event store with a tracked position, so it can
 * be dropped and replayed ({@link InvoiceReplay}); inserts ignore rows already there, so redelivery after a
 * crash is harmless.
 */
@Component
@ProcessingGroup(AxonConfiguration.INVOICES)
public class InvoiceProjection {

    private static final String CREDIT = "CREDIT";

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public InvoiceProjection(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(InvoiceIssuedEvent e) {
        tenantScope.bind(e.tenantId());
        int inserted = jdbc.update("""
                INSERT INTO invoices (tenant_id, invoice_id, account_id, number, invoice_date, due_date, status, currency,
                                      subtotal, tax, total, pack_name, pack_version, pack_hash, seller, buyer, trace)
                VALUES (?, ?, ?, ?, ?, ?, 'FINALIZED', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.invoiceId().value(), e.accountId().value(), e.number(),
                Date.valueOf(e.invoiceDate()), Date.valueOf(e.dueDate()), e.currency(), e.subtotal(), e.tax(), e.total(), e.pack().name(),
                e.pack().version(), e.pack().hash(), toJson(e.seller()), toJson(e.buyer()), toJson(e.trace()));
        if (inserted == 0) {
            return; // redelivered, or the finalized draft whose row InvoiceFinalizedEvent completed
        }
        lines(e.tenantId().value(), e.invoiceId().value(), e.accountId().value(), e.currency(), e.lines());
    }

    /** A draft is listed and previewed like an invoice, without number or due date; its credit is held. */
    @EventHandler
    void on(InvoiceDraftedEvent e) {
        tenantScope.bind(e.tenantId());
        int inserted = jdbc.update("""
                INSERT INTO invoices (tenant_id, invoice_id, account_id, number, invoice_date, due_date, status, currency,
                                      subtotal, tax, total, pack_name, pack_version, pack_hash, seller, buyer, trace,
                                      review_until)
                VALUES (?, ?, ?, NULL, ?, NULL, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.invoiceId().value(), e.accountId().value(), Date.valueOf(e.invoiceDate()),
                e.currency(), e.subtotal(), e.tax(), e.total(), e.pack().name(), e.pack().version(), e.pack().hash(),
                toJson(e.seller()), toJson(e.buyer()), toJson(e.trace()),
                java.sql.Timestamp.from(e.reviewUntil()));
        if (inserted == 1) {
            lines(e.tenantId().value(), e.invoiceId().value(), e.accountId().value(), e.currency(), e.lines());
        }
    }

    /** The draft's row becomes the finalized invoice; its lines and the credit they moved stay as they are. */
    @EventHandler
    void on(InvoiceFinalizedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                UPDATE invoices SET number = ?, due_date = ?, issued_on = ?, status = 'FINALIZED', review_until = NULL
                WHERE tenant_id = ? AND invoice_id = ? AND status = 'DRAFT'""",
                e.number(), Date.valueOf(e.dueDate()), Date.valueOf(e.issuedOn()), e.tenantId().value(),
                e.invoiceId().value());
    }

    @EventHandler
    void on(InvoiceDraftDiscardedEvent e) {
        tenantScope.bind(e.tenantId());
        int discarded = jdbc.update("""
                UPDATE invoices SET status = 'DISCARDED', review_until = NULL
                WHERE tenant_id = ? AND invoice_id = ? AND status = 'DRAFT'""",
                e.tenantId().value(), e.invoiceId().value());
        if (discarded == 1) {
            giveBackCredit(e.tenantId().value(), e.invoiceId().value());
        }
    }

    private void lines(String tenant, java.util.UUID invoiceId, java.util.UUID accountId, String currency,
                       java.util.List<InvoiceLine> lines) {
        for (InvoiceLine line : lines) {
            jdbc.update("""
                    INSERT INTO invoice_lines (tenant_id, invoice_id, line_no, subscription_id, item_type, description,
                                               period_from, period_to, quantity, unit_price, amount, tax_rate,
                                               tax_amount, tax_label, rules, plan, phase, billing_period_from,
                                               billing_period_to, repairs_from, charge_id, discount_of, coupon,
                                               meter, unit, tiers, transactions)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,
                            ?)""",
                    tenant, invoiceId, line.lineNo(),
                    line.subscriptionId() == null ? null : line.subscriptionId().value(), line.itemType(),
                    line.description(), line.periodFrom() == null ? null : Date.valueOf(line.periodFrom()),
                    line.periodTo() == null ? null : Date.valueOf(line.periodTo()), line.quantity(),
                    line.unitPrice(), line.amount(), line.taxRate(), line.taxAmount(), line.taxLabel(),
                    toJson(line.rules()), line.plan(), line.phase(), date(line.billingPeriodFrom()),
                    date(line.billingPeriodTo()), date(line.repairsFrom()), line.chargeId(), line.discountOf(),
                    line.coupon(), line.meter(), unit(line),
                    line.tiers().isEmpty() ? null : toJson(line.tiers()), line.transactions());
            if (CREDIT.equals(line.itemType())) {
                credit(tenant, accountId, currency, line.amount());
            }
        }
    }

    @EventHandler
    void on(PaymentRecordedEvent e) {
        tenantScope.bind(e.tenantId());
        int inserted = jdbc.update("""
                INSERT INTO payments (tenant_id, payment_id, invoice_id, account_id, kind, amount, applied, overpaid,
                                      currency, on_date, method, reference)
                VALUES (?, ?, ?, ?, 'PAYMENT', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.paymentId(), e.invoiceId().value(), e.accountId().value(), e.amount(),
                e.applied(), e.overpaid(), e.currency(), date(e.receivedOn()), e.method(), e.reference());
        if (inserted == 0) {
            return;
        }
        // the status follows from the balance in the same row update, so a reader never sees it half-applied
        jdbc.update("""
                UPDATE invoices SET amount_paid = amount_paid + ?,
                                    status = CASE WHEN ? THEN 'PAID' ELSE status END
                WHERE tenant_id = ? AND invoice_id = ?""",
                e.applied(), e.balanceAfter().signum() == 0, e.tenantId().value(), e.invoiceId().value());
        if (e.overpaid().signum() > 0) {
            credit(e.tenantId().value(), e.accountId().value(), e.currency(), e.overpaid());
        }
    }

    @EventHandler
    void on(CreditNoteIssuedEvent e) {
        tenantScope.bind(e.tenantId());
        int inserted = jdbc.update("""
                INSERT INTO credit_notes (tenant_id, number, invoice_id, account_id, reference, amount, applied,
                                          to_account_credit, currency, reason, issued_on, taxes, adjusted_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.number(), e.invoiceId().value(), e.accountId().value(),
                e.reference() == null ? e.number() : e.reference(), e.amount(), e.appliedToInvoice(),
                e.toAccountCredit(), e.currency(), e.reason(), date(e.issuedOn()),
                e.taxes() == null ? null : toJson(e.taxes()), e.adjustedLine());
        if (inserted == 0) {
            return;
        }
        jdbc.update("UPDATE invoices SET amount_credited = amount_credited + ? WHERE tenant_id = ? AND invoice_id = ?",
                e.appliedToInvoice(), e.tenantId().value(), e.invoiceId().value());
        if (e.toAccountCredit().signum() > 0) {
            credit(e.tenantId().value(), e.accountId().value(), e.currency(), e.toAccountCredit());
        }
    }

    /** Credit given by hand adds to the account's credit, as any other credit; the next invoices use it. */
    @EventHandler
    void on(AccountCreditGivenEvent e) {
        tenantScope.bind(e.tenantId());
        byHand(e.tenantId().value(), e.creditId(), e.accountId().value(), "GIVEN", e.amount(), e.currency(),
                e.reason(), e.givenOn(), e.by());
    }

    /** Credit taken back by hand (a manual debit). */
    @EventHandler
    void on(AccountCreditTakenEvent e) {
        tenantScope.bind(e.tenantId());
        byHand(e.tenantId().value(), e.creditId(), e.accountId().value(), "TAKEN", e.amount().negate(), e.currency(),
                e.reason(), e.takenOn(), e.by());
    }

    /** One row per credit given or taken, so that a redelivered event moves the credit once. */
    private void byHand(String tenant, String creditId, java.util.UUID account, String kind,
                        java.math.BigDecimal amount, String currency, String reason, java.time.LocalDate on,
                        String by) {
        int inserted = jdbc.update("""
                INSERT INTO account_credit_entries (tenant_id, credit_id, account_id, kind, amount, currency, reason,
                                                    on_date, by_whom)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                tenant, creditId, account, kind, amount, currency, reason, Date.valueOf(on), by);
        if (inserted == 1) {
            credit(tenant, account, currency, amount);
        }
    }

    /** Adds to (or, negative, takes from) the account's credit in one currency. */
    private void credit(String tenant, java.util.UUID account, String currency, java.math.BigDecimal amount) {
        jdbc.update("""
                INSERT INTO account_credits (tenant_id, account_id, currency, credit) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, account_id, currency)
                DO UPDATE SET credit = account_credits.credit + excluded.credit""",
                tenant, account, currency, amount);
    }

    @EventHandler
    void on(InvoicePaidEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("UPDATE invoices SET status = 'PAID' WHERE tenant_id = ? AND invoice_id = ?",
                e.tenantId().value(), e.invoiceId().value());
    }

    @EventHandler
    void on(PaymentRefundedEvent e) {
        tenantScope.bind(e.tenantId());
        int inserted = jdbc.update("""
                INSERT INTO payments (tenant_id, payment_id, invoice_id, account_id, kind, amount, applied, overpaid,
                                      currency, on_date, method, reference)
                VALUES (?, ?, ?, ?, 'REFUND', ?, ?, 0, ?, ?, 'refund', ?) ON CONFLICT DO NOTHING""",
                e.tenantId().value(), e.refundId(), e.invoiceId().value(), e.accountId().value(), e.amount(),
                e.amount().negate(), e.currency(), date(e.refundedOn()), e.reason());
        if (inserted == 1) {
            jdbc.update("""
                    UPDATE invoices SET amount_paid = amount_paid - ?, status = 'FINALIZED'
                    WHERE tenant_id = ? AND invoice_id = ?""", e.amount(), e.tenantId().value(), e.invoiceId().value());
        }
    }

    @EventHandler
    void on(InvoiceVoidedEvent e) {
        tenantScope.bind(e.tenantId());
        int voided = jdbc.update("UPDATE invoices SET status = 'VOID' WHERE tenant_id = ? AND invoice_id = ? "
                        + "AND status <> 'VOID'", e.tenantId().value(), e.invoiceId().value());
        if (voided == 1) {
            giveBackCredit(e.tenantId().value(), e.invoiceId().value());
        }
    }

    /** Credit a void invoice or a discarded draft kept or used goes back to where it was. */
    private void giveBackCredit(String tenant, java.util.UUID invoiceId) {
        jdbc.update("""
                UPDATE account_credits c SET credit = c.credit - l.moved
                FROM (SELECT i.account_id, i.currency, sum(l.amount) AS moved
                      FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                      WHERE l.tenant_id = ? AND l.invoice_id = ? AND l.item_type = 'CREDIT'
                      GROUP BY i.account_id, i.currency) l
                WHERE c.tenant_id = ? AND c.account_id = l.account_id AND c.currency = l.currency""",
                tenant, invoiceId, tenant);
    }

    /** Before a replay the tables are emptied for every tenant, as the owner, outside any tenant scope. */
    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_credit_entries");
        jdbc.update("DELETE FROM account_credits");
        jdbc.update("DELETE FROM credit_notes");
        jdbc.update("DELETE FROM payments");
        jdbc.update("DELETE FROM invoice_lines");
        jdbc.update("DELETE FROM invoices");
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write read-model JSON", ex);
        }
    }

    /**
     * The unit a line's quantity counts. Hourly charges issued before lines carried their unit said so only in
     * the description Decisions wrote for them ("(hourly, in arrear, 744 hours)"); replayed, they get it here.
     */
    static String unit(InvoiceLine line) {
        if (line.unit() == null && line.meter() == null && "RECURRING".equals(line.itemType())
                && line.description() != null && line.description().contains("(hourly, ")) {
            return org.ratebook.rules.fact.Charge.HOURS;
        }
        return line.unit();
    }
}
