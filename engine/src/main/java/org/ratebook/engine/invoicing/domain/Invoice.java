package org.ratebook.engine.invoicing.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.rules.money.Money;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.util.Currency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An invoice. Issuing checks the decided lines, totals them exactly and takes the next number. */
@Aggregate
public class Invoice {

    @AggregateIdentifier
    private InvoiceId invoiceId;
    private TenantId tenantId;
    private String number;

    protected Invoice() {
    }

    @CommandHandler
    public Invoice(IssueInvoiceCommand command, InvoiceNumbering numbering) {
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
        if (command.dueDate() == null || command.dueDate().isBefore(command.invoiceDate())) {
            throw new InvalidInvoiceException("the due date " + command.dueDate() + " is before the invoice date "
                    + command.invoiceDate());
        }
        String number = numbering.next(command.tenantId(), command.invoiceDate());
        apply(new InvoiceIssuedEvent(command.tenantId(), command.invoiceId(), command.accountId(), number,
                command.invoiceDate(), command.dueDate(), currency.getCurrencyCode(), command.lines(), subtotal.amount(),
                tax.amount(), subtotal.plus(tax).amount(), command.pack(), command.trace(), command.seller(),
                command.buyer()));
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
        number = event.number();
    }
}
