package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Finalize a draft: it takes the next number of the series and is issued on {@code issuedOn}, due after the
 * seller's payment terms. {@code by} says who: the seller, or the end of the review window.
 */
public record FinalizeInvoiceCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId,
                                     LocalDate issuedOn, int paymentTermsDays, String by) {
}
