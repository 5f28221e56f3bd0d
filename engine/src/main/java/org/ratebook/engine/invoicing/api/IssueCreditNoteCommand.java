package org.ratebook.engine.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Reduce what an issued invoice asks for by {@code amount} (tax included), with a reason, as a credit note of
 * its own: the invoice itself is never edited. {@code reference} is the caller's id: sending it again issues
 * nothing twice. {@code taxRounding} is how the rule pack in effect on the invoice date rounds tax, looked up
 * before the command is sent: the invoice splits the credit note's tax with it, once.
 */
public record IssueCreditNoteCommand(TenantId tenantId, @TargetAggregateIdentifier InvoiceId invoiceId,
                                     String reference, BigDecimal amount, String currency, String reason,
                                     LocalDate issuedOn, RoundingMode taxRounding) {
}
