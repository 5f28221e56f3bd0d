package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

/**
 * Take back a cancellation that has not taken effect yet: the subscription goes on as before. {@code withBase}
 * is set only when a base subscription is reinstated, for each of its add-ons: such an add-on comes back only if
 * it was cancelled because that base was (one the customer cancelled on its own stays cancelled).
 */
public record ReinstateSubscriptionCommand(TenantId tenantId,
                                           @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                           SubscriptionId withBase) {

    public ReinstateSubscriptionCommand(TenantId tenantId, SubscriptionId subscriptionId) {
        this(tenantId, subscriptionId, null);
    }
}
