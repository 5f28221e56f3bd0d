package org.ratebook.engine.invoicing.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Collecting {@code amount} for an invoice was tried on {@code attemptedOn} and failed for {@code reason}; nothing
 * was paid. Rules (dunning) can count these; the invoice's balance is unchanged.
 */
@Revision("1")
public record PaymentAttemptFailedEvent(TenantId tenantId, InvoiceId invoiceId, AccountId accountId,
                                        String attemptId, BigDecimal amount, String currency, LocalDate attemptedOn,
                                        String method, String reason) {
}
