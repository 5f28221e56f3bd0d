package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Throw a draft away: its periods are billed again by the next run and the credit it used comes back. */
public record DiscardDraftCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId, String reason,
                                  LocalDate discardedOn) {
}
