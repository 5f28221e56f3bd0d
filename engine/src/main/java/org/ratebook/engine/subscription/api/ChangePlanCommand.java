package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Move a subscription to another plan. {@code effectiveOn} names the day (future-dated changes too); without
 * it, {@code timing} says when, and without either the seller's change policy rules decide. {@code priceList}
 * (optional) names the price list the new plan is bought from, as on create; without it the subscription's own
 * list (or the pricing rules) applies.
 */
public record ChangePlanCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                String plan, ChangeTiming timing, LocalDate effectiveOn, String priceList) {

    public ChangePlanCommand(TenantId tenantId, SubscriptionId subscriptionId, String plan, ChangeTiming timing,
                             LocalDate effectiveOn) {
        this(tenantId, subscriptionId, plan, timing, effectiveOn, null);
    }
}
