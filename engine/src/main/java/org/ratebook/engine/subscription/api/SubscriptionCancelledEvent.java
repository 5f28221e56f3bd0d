package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/** Nothing is billed from {@code effectiveOn} on; {@code timeline} as afterwards. */
@Revision("1")
public record SubscriptionCancelledEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                         LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                                         List<PhaseStart> timeline) {
    public SubscriptionCancelledEvent {
        timeline = List.copyOf(timeline);
    }
}
