package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/** Billing stops from {@code effectiveOn} until a resume; {@code timeline} as afterwards. */
@Revision("1")
public record SubscriptionPausedEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                      LocalDate effectiveOn, List<PhaseStart> timeline) {
    public SubscriptionPausedEvent {
        timeline = List.copyOf(timeline);
    }
}
