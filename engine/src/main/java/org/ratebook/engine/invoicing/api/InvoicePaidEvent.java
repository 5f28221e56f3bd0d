package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** The invoice's balance reached zero. */
@Revision("1")
public record InvoicePaidEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, LocalDate paidOn) {
}
