package org.ratebook.engine.invoicing.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.DiscardDraftCommand;
import org.ratebook.engine.invoicing.api.DraftInvoiceCommand;
import org.ratebook.engine.invoicing.api.FinalizeInvoiceCommand;
import org.ratebook.engine.invoicing.api.InvoiceDraftDiscardedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceFinalizedEvent;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.IssueCreditNoteCommand;
import org.ratebook.engine.invoicing.api.InvoicePaidEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.engine.invoicing.api.RecordPaymentCommand;
import org.ratebook.engine.invoicing.api.RefundPaymentCommand;
import org.ratebook.engine.invoicing.api.VoidInvoiceCommand;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.rules.money.Money;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invoice. Issuing checks the decided lines, totals them exactly and takes the next number. Afterwards
 * it is never edited: payments and refunds change what it still asks for, and a void cancels it.
 * <p>
 * A seller who reviews invoices first gets a draft: checked and totalled the same way, but without a number
 * until it is finalized, and it may be discarded instead. Nothing is paid, credited or voided on a draft.
 */
@Aggregate
public class Invoice {

    enum Status { DRAFT, FINALIZED, PAID, VOID, DISCARDED }

    @AggregateIdentifier
    private InvoiceId invoiceId;
    private TenantId tenantId;
    private AccountId accountId;
    private String number;
    private Currency currency;
    private LocalDate invoiceDate;
    private Money total;
    private Money applied;
    private Money credited;
    private Status status;
    private final Set<String> settled = new HashSet<>();
    /** The invoice's taxes, which a credit note gives back in proportion. */
    private java.util.List<org.ratebook.engine.invoicing.api.CreditNoteTax> taxes = java.util.List.of();
    /** While a draft: everything it will be issued with. */
    private InvoiceDraftedEvent draft;
    /** The finalized invoice's lines, which item adjustments credit one at a time. */
    private java.util.List<InvoiceLine> lines = java.util.List.of();
    /** Per line number: what item adjustments took off it before tax, and the tax they gave back. */
    private final java.util.Map<Integer, BigDecimal[]> adjusted = new java.util.HashMap<>();

    protected Invoice() {
    }

    @CommandHandler
    public Invoice(IssueInvoiceCommand command, InvoiceNumbering numbering) {
        Money[] totals = totals(command);
        if (command.dueDate() == null || command.dueDate().isBefore(command.invoiceDate())) {
            throw new InvalidInvoiceException("the due date " + command.dueDate() + " is before the invoice date "
                    + command.invoiceDate());
        }
        String number = numbering.next(command.tenantId(), command.accountId(), command.invoiceDate());
        apply(new InvoiceIssuedEvent(command.tenantId(), command.invoiceId(), command.accountId(), number,
                command.invoiceDate(), command.dueDate(), command.currency(), command.lines(), totals[0].amount(),
                totals[1].amount(), totals[0].plus(totals[1]).amount(), command.pack(), command.trace(),
                command.seller(), command.buyer(), command.spikes()));
    }

    /** A draft takes no number: the series is only used by finalizing, so a discarded draft leaves no gap. */
    @CommandHandler
    public Invoice(DraftInvoiceCommand command) {
        IssueInvoiceCommand invoice = command.invoice();
        if (!invoice.invoiceId().equals(command.invoiceId())) {
            throw new IllegalArgumentException("a draft command must target the invoice it carries");
        }
        if (command.reviewUntil() == null) {
            throw new InvalidInvoiceException("a draft needs the end of its review window");
        }
        Money[] totals = totals(invoice);
        apply(new InvoiceDraftedEvent(invoice.tenantId(), invoice.invoiceId(), invoice.accountId(),
                invoice.invoiceDate(), invoice.currency(), invoice.lines(), totals[0].amount(), totals[1].amount(),
                totals[0].plus(totals[1]).amount(), invoice.pack(), invoice.trace(), invoice.seller(),
                invoice.buyer(), invoice.spikes(), command.reviewUntil()));
    }

    /**
     * Finalizing numbers the draft in the series of its issue day and makes it due after the payment terms. The
     * finalized invoice is then issued as any other, with the invoice date of the period it bills.
     */
    @CommandHandler
    public void handle(FinalizeInvoiceCommand command, InvoiceNumbering numbering) {
        requireOwnedBy(command.tenantId());
        if (status != Status.DRAFT) {
            throw new InvalidInvoiceException("invoice " + describe() + " is " + status.name().toLowerCase()
                    + "; only a draft can be finalized");
        }
        LocalDate issuedOn = command.issuedOn().isBefore(invoiceDate) ? invoiceDate : command.issuedOn();
        LocalDate dueDate = issuedOn.plusDays(command.paymentTermsDays());
        String assigned = numbering.next(tenantId, accountId, issuedOn);
        apply(new InvoiceFinalizedEvent(tenantId, invoiceId, accountId, assigned, issuedOn, dueDate, command.by()));
        apply(new InvoiceIssuedEvent(tenantId, invoiceId, accountId, assigned, draft.invoiceDate(), dueDate,
                draft.currency(), draft.lines(), draft.subtotal(), draft.tax(), draft.total(), draft.pack(),
                draft.trace(), draft.seller(), draft.buyer(), draft.spikes()));
    }

    @CommandHandler
    public void handle(DiscardDraftCommand command) {
        requireOwnedBy(command.tenantId());
        if (status != Status.DRAFT) {
            throw new InvalidInvoiceException("invoice " + describe() + " is " + status.name().toLowerCase()
                    + "; only a draft can be discarded (void a finalized invoice, or issue a credit note)");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? "discarded" : command.reason().strip();
        apply(new InvoiceDraftDiscardedEvent(tenantId, invoiceId, accountId, invoiceDate, reason,
                command.discardedOn()));
    }

    /** The lines checked as the decision service rounds them: subtotal and tax. */
    private static Money[] totals(IssueInvoiceCommand command) {
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new InvalidInvoiceException("an invoice needs at least one line");
        }
        Currency currency = Currency.getInstance(command.currency());
        Money subtotal = Money.zero(currency);
        Money tax = Money.zero(currency);
        for (InvoiceLine line : command.lines()) {
            subtotal = subtotal.plus(exact(line.amount(), currency, line));
            tax = tax.plus(exact(line.taxAmount(), currency, line));
        }
        return new Money[] {subtotal, tax};
    }

    /** A draft is named by its id: it has no number yet. */
    private String describe() {
        return number != null ? number : "draft " + invoiceId;
    }

    private void refuseDraft(String what) {
        if (status == Status.DRAFT || status == Status.DISCARDED) {
            throw new InvalidInvoiceException("invoice " + describe() + " is a " + (status == Status.DRAFT
                    ? "draft" : "discarded draft") + "; " + what + " only on a finalized invoice");
        }
    }

    @CommandHandler
    public void handle(RecordPaymentCommand command) {
        requireOwnedBy(command.tenantId());
        if (settled.contains(command.paymentId())) {
            return; // the same payment again: already applied
        }
        refuseDraft("a payment is recorded");
        if (status == Status.VOID) {
            throw new InvalidInvoiceException("invoice " + number + " is void; no payment can be recorded against it");
        }
        Money amount = money(command.amount(), command.currency(), "payment");
        Money balance = total.minus(applied).minus(credited);
        Money toInvoice = amount.compareTo(balance) <= 0 ? amount : balance;
        Money overpaid = amount.minus(toInvoice);
        Money after = balance.minus(toInvoice);
        apply(new PaymentRecordedEvent(tenantId, invoiceId, accountId, command.paymentId(), amount.amount(),
                toInvoice.amount(), overpaid.amount(), after.amount(), currency.getCurrencyCode(),
                command.receivedOn(), command.method(), command.reference()));
        if (after.isZero() && status != Status.PAID) {
            apply(new InvoicePaidEvent(tenantId, invoiceId, accountId, command.receivedOn()));
        }
    }

    @CommandHandler
    public void handle(RefundPaymentCommand command) {
        requireOwnedBy(command.tenantId());
        if (settled.contains(command.refundId())) {
            return;
        }
        refuseDraft("a refund is made");
        Money amount = money(command.amount(), currency.getCurrencyCode(), "refund");
        if (amount.compareTo(applied) > 0) {
            throw new InvalidInvoiceException("a refund of " + amount + " is more than the " + applied
                    + " paid on invoice " + number);
        }
        apply(new PaymentRefundedEvent(tenantId, invoiceId, accountId, command.refundId(), amount.amount(),
                total.minus(applied).minus(credited).plus(amount).amount(), currency.getCurrencyCode(), command.refundedOn(),
                command.reason()));
    }

    @CommandHandler
    public void handle(VoidInvoiceCommand command) {
        requireOwnedBy(command.tenantId());
        if (status == Status.VOID) {
            return;
        }
        refuseDraft("a void is done (discard a draft instead)");
        if (!applied.isZero()) {
            throw new InvalidInvoiceException("invoice " + number + " has " + applied
                    + " paid on it; refund the payments before voiding it");
        }
        if (!credited.isZero()) {
            throw new InvalidInvoiceException("invoice " + number + " has credit notes for " + credited
                    + "; an invoice with credit notes is not voided");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInvoiceException("voiding an invoice needs a reason");
        }
        apply(new InvoiceVoidedEvent(tenantId, invoiceId, accountId, invoiceDate, command.reason().strip(),
                command.voidedOn()));
    }

    /**
     * A credit note of its own: it first reduces what the invoice still asks for; what had already been paid
     * beyond that becomes account credit. Never more than the invoice's total over all its credit notes.
     */
    @CommandHandler
    public void handle(IssueCreditNoteCommand command, InvoiceNumbering numbering) {
        requireOwnedBy(command.tenantId());
        if (command.reference() != null && settled.contains("credit-note:" + command.reference())) {
            return;
        }
        refuseDraft("a credit note is issued");
        if (status == Status.VOID) {
            throw new InvalidInvoiceException("invoice " + number + " is void; there is nothing to credit");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInvoiceException("a credit note needs a reason the customer will read");
        }
        Money amount = money(command.amount(), command.currency() == null ? currency.getCurrencyCode()
                : command.currency(), "credit note");
        if (credited.plus(amount).compareTo(total) > 0) {
            throw new InvalidInvoiceException("credit notes on invoice " + number + " would total "
                    + credited.plus(amount) + ", more than the invoice's " + total);
        }
        if (command.taxRounding() == null) {
            throw new IllegalArgumentException("a credit note needs the rounding of the pack that taxed the invoice");
        }
        issueCreditNote(numbering, command.reference(), amount, command.reason().strip(), command.issuedOn(),
                CreditNoteTaxSplit.split(amount.amount(), currency, taxes, command.taxRounding()), null);
    }

    /**
     * An item adjustment (Kill Bill's): a credit note for part or all of one line, before tax, with the tax at the
     * line's rate (see {@link ItemAdjustment}). Like any credit note it first reduces what the invoice still asks
     * for, and what had already been paid becomes account credit.
     */
    @CommandHandler
    public void handle(org.ratebook.engine.invoicing.api.AdjustInvoiceItemCommand command,
                       InvoiceNumbering numbering) {
        requireOwnedBy(command.tenantId());
        if (command.reference() != null && settled.contains("credit-note:" + command.reference())) {
            return;
        }
        refuseDraft("an item is adjusted");
        if (status == Status.VOID) {
            throw new InvalidInvoiceException("invoice " + number + " is void; there is nothing to adjust");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInvoiceException("an adjustment needs a reason the customer will read");
        }
        if (command.taxRounding() == null) {
            throw new IllegalArgumentException("an adjustment needs the rounding of the pack that taxed the invoice");
        }
        InvoiceLine line = lines.stream().filter(l -> l.lineNo() == command.lineNo()).findFirst()
                .orElseThrow(() -> new InvalidInvoiceException("invoice " + number + " has no line "
                        + command.lineNo()));
        BigDecimal[] before = adjusted.getOrDefault(line.lineNo(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        ItemAdjustment.Decided decided = ItemAdjustment.decide(ItemAdjustment.Line.of(line), before[0], before[1], command.amount(), currency,
                command.taxRounding());
        Money amount = new Money(decided.gross(), currency);
        if (credited.plus(amount).compareTo(total) > 0) {
            throw new InvalidInvoiceException("credit notes on invoice " + number + " would total "
                    + credited.plus(amount) + ", more than the invoice's " + total);
        }
        issueCreditNote(numbering, command.reference(), amount, command.reason().strip(), command.issuedOn(),
                java.util.List.of(decided.creditNoteTax()), line.lineNo());
    }

    private void issueCreditNote(InvoiceNumbering numbering, String reference, Money amount, String reason,
                                 LocalDate issuedOn, java.util.List<org.ratebook.engine.invoicing.api.CreditNoteTax> split,
                                 Integer adjustedLine) {
        Money balance = total.minus(applied).minus(credited);
        Money toInvoice = amount.compareTo(balance) <= 0 ? amount : balance;
        Money toCredit = amount.minus(toInvoice);
        String noteNumber = numbering.nextCreditNote(tenantId, issuedOn);
        apply(new CreditNoteIssuedEvent(tenantId, invoiceId, accountId, reference, noteNumber,
                amount.amount(), toInvoice.amount(), toCredit.amount(), balance.minus(toInvoice).amount(),
                currency.getCurrencyCode(), reason, issuedOn, split, adjustedLine));
        if (balance.minus(toInvoice).isZero() && status != Status.PAID) {
            apply(new InvoicePaidEvent(tenantId, invoiceId, accountId, issuedOn));
        }
    }

    /** A declined attempt to collect is recorded as such; it pays nothing. Sent twice, it is recorded once. */
    @CommandHandler
    public void handle(org.ratebook.engine.invoicing.api.RecordFailedPaymentAttemptCommand command) {
        requireOwnedBy(command.tenantId());
        if (settled.contains("attempt:" + command.attemptId())) {
            return;
        }
        apply(new org.ratebook.engine.invoicing.api.PaymentAttemptFailedEvent(tenantId, invoiceId, accountId,
                command.attemptId(), command.amount(), command.currency(), command.attemptedOn(), command.method(),
                command.reason()));
    }

    @EventSourcingHandler
    void on(org.ratebook.engine.invoicing.api.PaymentAttemptFailedEvent event) {
        settled.add("attempt:" + event.attemptId());
    }

    /** Another tenant's invoice must look like no invoice at all. */
    private void requireOwnedBy(TenantId tenant) {
        if (!tenantId.equals(tenant)) {
            throw new NotFoundException("invoice " + invoiceId + " does not exist");
        }
    }

    private Money money(BigDecimal amount, String currencyCode, String what) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidInvoiceException("a " + what + " must be a positive amount, was " + amount);
        }
        if (!currency.getCurrencyCode().equals(currencyCode)) {
            throw new InvalidInvoiceException("invoice " + number + " is in " + currency.getCurrencyCode()
                    + "; a " + what + " in " + currencyCode + " cannot be applied to it");
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidInvoiceException("a " + what + " of " + amount + " has more decimals than "
                    + currency.getCurrencyCode() + " allows");
        }
        return new Money(amount, currency);
    }

    /** Lines arrive rounded by the decision service; anything else is a defect, not something to round away. */
    private static Money exact(BigDecimal amount, Currency currency, InvoiceLine line) {
        if (amount.scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidInvoiceException("line " + line.lineNo() + " has an unrounded amount " + amount);
        }
        return new Money(amount, currency);
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
        tenantId = event.tenantId();
        accountId = event.accountId();
        number = event.number();
        currency = Currency.getInstance(event.currency());
        invoiceDate = event.invoiceDate();
        total = new Money(event.total(), currency);
        applied = Money.zero(currency);
        credited = Money.zero(currency);
        status = Status.FINALIZED;
        draft = null;
        taxes = CreditNoteTaxSplit.taxesOf(event.lines());
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(InvoiceDraftedEvent event) {
        invoiceId = event.invoiceId();
        tenantId = event.tenantId();
        accountId = event.accountId();
        currency = Currency.getInstance(event.currency());
        invoiceDate = event.invoiceDate();
        total = new Money(event.total(), currency);
        applied = Money.zero(currency);
        credited = Money.zero(currency);
        status = Status.DRAFT;
        draft = event;
    }

    @EventSourcingHandler
    void on(InvoiceDraftDiscardedEvent event) {
        status = Status.DISCARDED;
        draft = null;
    }

    @EventSourcingHandler
    void on(CreditNoteIssuedEvent event) {
        if (event.reference() != null) {
            settled.add("credit-note:" + event.reference());
        }
        credited = credited.plus(new Money(event.amount(), currency));
        if (event.adjustedLine() != null && event.taxes() != null) {
            BigDecimal[] sum = adjusted.computeIfAbsent(event.adjustedLine(),
                    n -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            event.taxes().forEach(t -> {
                sum[0] = sum[0].add(t.taxableAmount());
                sum[1] = sum[1].add(t.taxAmount());
            });
        }
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        settled.add(event.paymentId());
        applied = applied.plus(new Money(event.applied(), currency));
    }

    @EventSourcingHandler
    void on(InvoicePaidEvent event) {
        status = Status.PAID;
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        settled.add(event.refundId());
        applied = applied.minus(new Money(event.amount(), currency));
        status = Status.FINALIZED;
    }

    @EventSourcingHandler
    void on(InvoiceVoidedEvent event) {
        status = Status.VOID;
    }
}
