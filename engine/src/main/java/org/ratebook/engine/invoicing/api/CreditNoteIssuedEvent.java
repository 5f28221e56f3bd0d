package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A credit note {@code number} was issued against an invoice: {@code appliedToInvoice} reduces what the invoice
 * still asks for, {@code toAccountCredit} (what had already been paid) becomes account credit for later invoices.
 */
@Revision("1")
public record CreditNoteIssuedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String reference,
                                    String number, BigDecimal amount, BigDecimal appliedToInvoice,
                                    BigDecimal toAccountCredit, BigDecimal balanceAfter, String currency,
                                    String reason, LocalDate issuedOn) {
}
