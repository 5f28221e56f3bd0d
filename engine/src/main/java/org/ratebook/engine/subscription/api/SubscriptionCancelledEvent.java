package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * Nothing is billed from {@code effectiveOn} on; {@code timeline} as afterwards. {@code reason} says why when
 * the seller's side ended it (e.g. "terminated for non-payment"); null when the customer cancelled, and in
 * events of revision 1. {@code endedWithBase} (added later, null in older events and when the subscription was
 * cancelled on its own) names the base subscription whose cancellation ended this add-on: reinstating that base
 * brings the add-on back.
 */
@Revision("2")
public record SubscriptionCancelledEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                         LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                                         List<PhaseStart> timeline, String reason,
                                         SubscriptionId endedWithBase) {
    public SubscriptionCancelledEvent {
        timeline = List.copyOf(timeline);
    }

    public SubscriptionCancelledEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                      LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                                      List<PhaseStart> timeline) {
        this(tenantId, subscriptionId, requestedOn, effectiveOn, timing, decidedBy, timeline, null, null);
    }

    public SubscriptionCancelledEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                      LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                                      List<PhaseStart> timeline, String reason) {
        this(tenantId, subscriptionId, requestedOn, effectiveOn, timing, decidedBy, timeline, reason, null);
    }
}
