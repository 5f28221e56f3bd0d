package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Move a subscription to another plan. {@code effectiveOn} names the day (future-dated changes too); without
 * it, {@code timing} says when, and without either the seller's change policy rules decide. {@code priceList}
 * (optional) names the price list the new plan is bought from, as on create; without it the subscription's own
 * list (or the pricing rules) applies. {@code proration} (optional) overrides the seller's change policy on what
 * the change does with the proration of the period it falls in (Stripe's {@code proration_behavior}).
 */
public record ChangePlanCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                String plan, ChangeTiming timing, LocalDate effectiveOn, String priceList,
                                ProrationBehaviour proration) {

    public ChangePlanCommand(TenantId tenantId, SubscriptionId subscriptionId, String plan, ChangeTiming timing,
                             LocalDate effectiveOn, String priceList) {
        this(tenantId, subscriptionId, plan, timing, effectiveOn, priceList, null);
    }

    public ChangePlanCommand(TenantId tenantId, SubscriptionId subscriptionId, String plan, ChangeTiming timing,
                             LocalDate effectiveOn) {
        this(tenantId, subscriptionId, plan, timing, effectiveOn, null);
    }
}
