package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record money received for an invoice. {@code paymentId} makes it idempotent: the same payment recorded
 * twice is applied once. More than the open balance becomes account credit.
 */
public record RecordPaymentCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId, String paymentId,
                                   BigDecimal amount, String currency, LocalDate receivedOn, String method,
                                   String reference) {
}
