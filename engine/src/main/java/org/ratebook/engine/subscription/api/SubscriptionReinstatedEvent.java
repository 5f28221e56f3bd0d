package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/** A cancellation that had not taken effect is taken back; {@code timeline} as afterwards. */
@Revision("1")
public record SubscriptionReinstatedEvent(TenantId tenantId, SubscriptionId subscriptionId, LocalDate requestedOn,
                                          LocalDate cancellationWasOn, List<PhaseStart> timeline) {
    public SubscriptionReinstatedEvent {
        timeline = List.copyOf(timeline);
    }
}
