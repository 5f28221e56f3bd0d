package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/** Billing goes on from {@code effectiveOn}; {@code timeline} as afterwards. */
@Revision("1")
public record SubscriptionResumedEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                       LocalDate effectiveOn, List<PhaseStart> timeline) {
    public SubscriptionResumedEvent {
        timeline = List.copyOf(timeline);
    }
}
