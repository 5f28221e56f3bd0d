package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Pay money back against an invoice (at most what was applied to it); idempotent by {@code refundId}. */
public record RefundPaymentCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId, String refundId,
                                   BigDecimal amount, LocalDate refundedOn, String reason) {
}
