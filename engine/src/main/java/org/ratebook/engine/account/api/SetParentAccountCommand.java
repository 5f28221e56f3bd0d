package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

/**
 * Make {@code parentAccountId} the parent of an account (a branch of a group, a reseller's customer). With
 * {@code invoiceParent}, the account's charges go on the parent's invoice: one consolidated invoice per parent.
 */
public record SetParentAccountCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId,
                                      AccountId parentAccountId, boolean invoiceParent) {
}
