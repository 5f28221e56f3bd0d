package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Issue an invoice as a draft for the seller to review until {@code reviewUntil}: decided like any invoice, but
 * without a number or a due date yet, not payable and not owed.
 */
public record DraftInvoiceCommand(@TargetAggregateIdentifier InvoiceId invoiceId, IssueInvoiceCommand invoice,
                                  Instant reviewUntil) {
}
