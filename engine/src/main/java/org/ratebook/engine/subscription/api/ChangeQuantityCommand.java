package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Change the number of seats, devices or users; when, and what happens to the proration, as for
 * {@link ChangePlanCommand}.
 */
public record ChangeQuantityCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                    int quantity, ChangeTiming timing, LocalDate effectiveOn,
                                    ProrationBehaviour proration) {

    public ChangeQuantityCommand(TenantId tenantId, SubscriptionId subscriptionId, int quantity, ChangeTiming timing,
                                 LocalDate effectiveOn) {
        this(tenantId, subscriptionId, quantity, timing, effectiveOn, null);
    }
}
