package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received: {@code applied} to the invoice, {@code overpaid} to the account's credit. */
@Revision("1")
public record PaymentRecordedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String paymentId,
                                   BigDecimal amount, BigDecimal applied, BigDecimal overpaid, BigDecimal balanceAfter,
                                   String currency, LocalDate receivedOn, String method, String reference) {
}
