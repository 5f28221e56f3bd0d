package org.ratebook.engine.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

/** Put an account in a customer segment ({@code education}, {@code enterprise}, …), or in none (null). */
public record ChangeSegmentCommand(TenantId tenantId, @TargetAggregateIdentifier AccountId accountId, String segment) {
}
