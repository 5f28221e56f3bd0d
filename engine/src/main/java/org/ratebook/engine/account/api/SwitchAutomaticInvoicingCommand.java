package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

/**
 * Switch automatic invoicing of the account off ({@code on} false: Kill Bill's {@code AUTO_INVOICING_OFF}) or back on.
 * While it is off, billing runs hold the account's invoices; switched back on, the next run invoices all that was
 * held. Switching to the state it is already in records nothing. {@code reason} (optional, at most 500 characters)
 * says why it was switched off; {@code by} is who did it.
 */
public record SwitchAutomaticInvoicingCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId,
                                              boolean on, String reason, String by) {
}
