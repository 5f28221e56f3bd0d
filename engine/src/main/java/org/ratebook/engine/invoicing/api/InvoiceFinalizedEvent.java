package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * A draft was finalized: it got its number, its issue date and its due date. It is followed at once by the
 * {@link InvoiceIssuedEvent} of the finalized invoice, which everything that follows issued invoices (dunning,
 * usage spikes) already reads; {@code by} is {@code "seller"} or {@code "review window ended"}.
 */
@Revision("1")
public record InvoiceFinalizedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String number,
                                    LocalDate issuedOn, LocalDate dueDate, String by) {
}
