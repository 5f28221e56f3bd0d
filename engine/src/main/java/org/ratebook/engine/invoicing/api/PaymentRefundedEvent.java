package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money paid back; the invoice is open again for {@code balanceAfter}. */
@Revision("1")
public record PaymentRefundedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId, String refundId,
                                   BigDecimal amount, BigDecimal balanceAfter, String currency, LocalDate refundedOn,
                                   String reason) {
}
