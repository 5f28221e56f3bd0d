package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

/** Take back a cancellation that has not taken effect yet: the subscription goes on as before. */
public record ReinstateSubscriptionCommand(TenantId tenantId,
                                           @TargetAggregateIdentifier SubscriptionId subscriptionId) {
}
