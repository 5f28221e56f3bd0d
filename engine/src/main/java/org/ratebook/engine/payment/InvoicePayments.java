package org.ratebook.engine.payment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.BillingCalendar;
import org.ratebook.engine.invoicing.api.IssueCreditNoteCommand;
import org.ratebook.engine.invoicing.api.RecordFailedPaymentAttemptCommand;
import org.ratebook.engine.invoicing.api.RecordPaymentCommand;
import org.ratebook.engine.invoicing.api.RefundPaymentCommand;
import org.ratebook.engine.invoicing.api.VoidInvoiceCommand;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.rules.money.Money;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import java.util.function.Supplier;

/** Money in and out of invoices, and voids, as commands on the invoice; the invoice decides. */
@Service
public class InvoicePayments {

    private final CommandGateway commands;
    private final InvoiceQueries invoices;
    private final PaymentGateway gateway;
    private final TenantClocks clocks;
    private final org.ratebook.engine.pricing.TenantPacks packs;
    private final BillingCalendar calendar;

    public InvoicePayments(CommandGateway commands, InvoiceQueries invoices, PaymentGateway gateway,
                           TenantClocks clocks, org.ratebook.engine.pricing.TenantPacks packs,
                           BillingCalendar calendar) {
        this.commands = commands;
        this.invoices = invoices;
        this.gateway = gateway;
        this.clocks = clocks;
        this.packs = packs;
        this.calendar = calendar;
    }

    /** Money received outside Ratebook (a transfer, a cheque). Returns the payment id. */
    public String recordReceived(TenantId tenant, UUID invoiceId, String paymentId, BigDecimal amount,
                                 String currency, LocalDate receivedOn, String reference) {
        String id = paymentId == null || paymentId.isBlank() ? "pay_" + UUID.randomUUID() : paymentId;
        send(() -> commands.sendAndWait(new RecordPaymentCommand(tenant, new InvoiceId(invoiceId), id, amount,
                currency, receivedOn == null ? today(tenant, invoiceId) : receivedOn, "external", reference)),
                invoiceId);
        return id;
    }

    /** Collects the amount (default: the open balance) through the gateway and records it if approved. */
    public String collect(TenantId tenant, UUID invoiceId, BigDecimal amount) {
        InvoiceView invoice = invoices.find(tenant, invoiceId)
                .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
        Money toCollect = new Money(amount == null ? invoice.balance() : amount, Currency.getInstance(invoice.currency()));
        if (toCollect.amount().signum() <= 0) {
            throw new PaymentDeclinedException("invoice " + invoice.number() + " has nothing left to collect");
        }
        PaymentGateway.Result result = gateway.collect(tenant, invoice.accountId(), toCollect, invoice.number());
        if (!result.approved()) {
            // the refusal is recorded on the invoice first, so it counts even though the caller gets an error
            String attempt = result.transactionId() == null ? "attempt_" + UUID.randomUUID() : result.transactionId();
            send(() -> commands.sendAndWait(new RecordFailedPaymentAttemptCommand(tenant, new InvoiceId(invoiceId),
                    attempt, toCollect.amount(), toCollect.currencyCode(), today(tenant, invoiceId), "gateway",
                    result.message())), invoiceId);
            throw new PaymentDeclinedException("the payment gateway declined " + toCollect + ": " + result.message());
        }
        send(() -> commands.sendAndWait(new RecordPaymentCommand(tenant, new InvoiceId(invoiceId),
                result.transactionId(), toCollect.amount(), toCollect.currencyCode(), today(tenant, invoiceId), "gateway",
                result.transactionId())), invoiceId);
        return result.transactionId();
    }

    public String refund(TenantId tenant, UUID invoiceId, String refundId, BigDecimal amount, String reason) {
        String id = refundId == null || refundId.isBlank() ? "ref_" + UUID.randomUUID() : refundId;
        send(() -> commands.sendAndWait(new RefundPaymentCommand(tenant, new InvoiceId(invoiceId), id, amount,
                today(tenant, invoiceId), reason)), invoiceId);
        return id;
    }

    /** Issues a credit note against the invoice; returns its reference (the caller's, or a new one). */
    public String creditNote(TenantId tenant, UUID invoiceId, String reference, BigDecimal amount, String currency,
                             String reason) {
        String id = reference == null || reference.isBlank() ? "cn_" + UUID.randomUUID() : reference;
        // the tax it gives back is split as the pack that taxed the invoice rounds, decided now and kept
        java.math.RoundingMode rounding = invoices.find(tenant, invoiceId)
                .map(i -> packs.inEffect(tenant, i.invoiceDate()).rounding())
                .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
        send(() -> commands.sendAndWait(new IssueCreditNoteCommand(tenant, new InvoiceId(invoiceId), id, amount,
                currency, reason, today(tenant, invoiceId), rounding)), invoiceId);
        return id;
    }

    /**
     * Adjusts one line of the invoice (an item adjustment, as a credit note linked to the line); {@code amount}
     * before tax, null for all the line still has. Returns the credit note's reference (the caller's, or a new one).
     */
    public String adjustItem(TenantId tenant, UUID invoiceId, int lineNo, String reference, BigDecimal amount,
                             String reason) {
        String id = reference == null || reference.isBlank() ? "adj_" + UUID.randomUUID() : reference;
        java.math.RoundingMode rounding = invoices.find(tenant, invoiceId)
                .map(i -> packs.inEffect(tenant, i.invoiceDate()).rounding())
                .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
        send(() -> commands.sendAndWait(new org.ratebook.engine.invoicing.api.AdjustInvoiceItemCommand(tenant,
                new InvoiceId(invoiceId), id, lineNo, amount, reason, today(tenant, invoiceId), rounding)), invoiceId);
        return id;
    }

    /**
     * What adjusting the line would give back, worked out by the same function the invoice uses, from the read
     * model; nothing is recorded. Refused as the adjustment itself would be (except for a reason).
     */
    public org.ratebook.engine.invoicing.domain.ItemAdjustment.Decided previewAdjustment(TenantId tenant,
                                                                                        UUID invoiceId, int lineNo,
                                                                                        BigDecimal amount) {
        InvoiceView invoice = invoices.find(tenant, invoiceId)
                .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
        if (!invoice.status().equals("FINALIZED") && !invoice.status().equals("PAID")) {
            throw new org.ratebook.engine.invoicing.domain.InvalidInvoiceException("invoice "
                    + (invoice.number() == null ? invoiceId : invoice.number()) + " is "
                    + invoice.status().toLowerCase(java.util.Locale.ROOT) + "; only a finalized invoice is adjusted");
        }
        var line = invoice.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new org.ratebook.engine.invoicing.domain.InvalidInvoiceException("invoice "
                        + invoice.number() + " has no line " + lineNo));
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (var note : invoices.creditNotes(tenant, invoiceId)) {
            if (note.adjustedLine() != null && note.adjustedLine() == lineNo && note.taxes() != null) {
                for (var t : note.taxes()) {
                    net = net.add(t.taxableAmount());
                    tax = tax.add(t.taxAmount());
                }
            }
        }
        return org.ratebook.engine.invoicing.domain.ItemAdjustment.decide(
                new org.ratebook.engine.invoicing.domain.ItemAdjustment.Line(line.lineNo(), line.description(),
                        line.itemType(), line.amount(), line.taxAmount(), line.taxRate(), line.taxLabel()),
                net, tax, amount, Currency.getInstance(invoice.currency()),
                packs.inEffect(tenant, invoice.invoiceDate()).rounding());
    }

    public void voidInvoice(TenantId tenant, UUID invoiceId, String reason) {
        send(() -> commands.sendAndWait(new VoidInvoiceCommand(tenant, new InvoiceId(invoiceId), reason,
                today(tenant, invoiceId))), invoiceId);
    }

    /** The day on the invoice's account's calendar (see {@link BillingCalendar}); UTC for an unknown invoice. */
    private LocalDate today(TenantId tenant, UUID invoiceId) {
        return invoices.find(tenant, invoiceId).map(i -> calendar.today(tenant, new AccountId(i.accountId())))
                .orElseGet(() -> LocalDate.now(clocks.of(tenant)));
    }

    private static void send(Supplier<Object> command, UUID invoiceId) {
        try {
            command.get();
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("invoice " + invoiceId + " does not exist");
        }
    }
}
