package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Credit part or all of one line of a finalized invoice (Kill Bill's invoice item adjustment), as a credit note
 * linked to that line. {@code amount} is taken off the line's amount before tax (null: all the line still has);
 * the tax given back is at the line's rate, rounded with {@code taxRounding} (the rounding of the pack in effect on
 * the invoice date, looked up before the command is sent). {@code reference} is the caller's id: sent again,
 * nothing is issued twice.
 */
public record AdjustInvoiceItemCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId,
                                       String reference, int lineNo, BigDecimal amount, String reason,
                                       LocalDate issuedOn, RoundingMode taxRounding) {
}
