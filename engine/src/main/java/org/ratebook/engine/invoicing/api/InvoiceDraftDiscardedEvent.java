package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * A draft was thrown away before it was finalized. It never had a number, so the series has no gap; the next
 * billing run bills its periods again under a new id, and the account credit it used is free again.
 */
@Revision("1")
public record InvoiceDraftDiscardedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId,
                                         LocalDate invoiceDate, String reason, LocalDate discardedOn) {
}
