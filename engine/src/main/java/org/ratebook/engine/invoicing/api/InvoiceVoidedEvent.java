package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** The invoice no longer asks for anything; the next billing run bills its periods again under a new id. */
@Revision("1")
public record InvoiceVoidedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, LocalDate invoiceDate,
                                 String reason, LocalDate voidedOn) {
}
