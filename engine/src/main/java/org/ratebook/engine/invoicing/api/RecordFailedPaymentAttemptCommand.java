package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record that collecting {@code amount} for an invoice was tried and failed (the gateway declined it), so the
 * refusal is a fact the rest of the system can count (dunning, a retry policy), not only an error someone saw.
 */
public record RecordFailedPaymentAttemptCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId,
                                                String attemptId, BigDecimal amount, String currency,
                                                LocalDate attemptedOn, String method, String reason) {
}
