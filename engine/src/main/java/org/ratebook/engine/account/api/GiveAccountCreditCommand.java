package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;

/**
 * Give the account credit by hand (a goodwill gesture, a promise kept), with a reason the customer may read. Later
 * invoices use it like any other account credit. {@code creditId} is the caller's id: sent again, nothing is given
 * twice. {@code currency} null means the account's; {@code by} is who gave it.
 */
public record GiveAccountCreditCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId,
                                       String creditId, BigDecimal amount, String currency, String reason, String by) {
}
