package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Cancel an unpaid invoice; its periods are billed again by the next billing run. */
public record VoidInvoiceCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId, String reason,
                                 LocalDate voidedOn) {
}
