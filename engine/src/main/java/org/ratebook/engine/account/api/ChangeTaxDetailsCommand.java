package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

/** Replace an account's tax id and tax details (e.g. its VAT id was verified, or it became exempt). */
public record ChangeTaxDetailsCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId, String taxId,
                                      TaxDetails tax) {
}
