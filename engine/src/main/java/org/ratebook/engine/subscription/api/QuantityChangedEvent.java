package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/** The subscription bills {@code toQuantity} units from {@code effectiveOn}; {@code timeline} as afterwards. */
@Revision("1")
public record QuantityChangedEvent(TenantId tenantId, SubscriptionId subscriptionId, int fromQuantity,
                                   int toQuantity, LocalDate requestedOn, LocalDate effectiveOn, ChangeTiming timing,
                                   String decidedBy, List<PhaseStart> timeline) {
    public QuantityChangedEvent {
        timeline = List.copyOf(timeline);
    }
}
