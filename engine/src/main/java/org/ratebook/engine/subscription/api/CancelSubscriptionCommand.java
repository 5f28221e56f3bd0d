package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * End a subscription; when, as for {@link ChangePlanCommand}. {@code reason} (optional) is recorded with the
 * cancellation, e.g. "terminated for non-payment" when dunning ends it. {@code withBase} is set only by
 * {@code AddOnsEndWithTheirBase}: the add-on ends because that base subscription does.
 */
public record CancelSubscriptionCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                        ChangeTiming timing, LocalDate effectiveOn, String reason,
                                        SubscriptionId withBase) {

    public CancelSubscriptionCommand(TenantId tenantId, SubscriptionId subscriptionId, ChangeTiming timing,
                                     LocalDate effectiveOn, String reason) {
        this(tenantId, subscriptionId, timing, effectiveOn, reason, null);
    }

    public CancelSubscriptionCommand(TenantId tenantId, SubscriptionId subscriptionId, ChangeTiming timing,
                                     LocalDate effectiveOn) {
        this(tenantId, subscriptionId, timing, effectiveOn, null, null);
    }
}
