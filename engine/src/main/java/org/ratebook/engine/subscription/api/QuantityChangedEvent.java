package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * The subscription bills {@code toQuantity} units from {@code effectiveOn}; {@code timeline} as afterwards.
 * {@code proration} and {@code prorationDecidedBy} (revision 2, null in older events) as on {@link PlanChangedEvent}.
 */
@Revision("2")
public record QuantityChangedEvent(TenantId tenantId, SubscriptionId subscriptionId, int fromQuantity,
                                   int toQuantity, LocalDate requestedOn, LocalDate effectiveOn, ChangeTiming timing,
                                   String decidedBy, List<PhaseStart> timeline, ProrationBehaviour proration,
                                   String prorationDecidedBy) {
    public QuantityChangedEvent {
        timeline = List.copyOf(timeline);
    }

    public QuantityChangedEvent(TenantId tenantId, SubscriptionId subscriptionId, int fromQuantity, int toQuantity,
                                LocalDate requestedOn, LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                                List<PhaseStart> timeline) {
        this(tenantId, subscriptionId, fromQuantity, toQuantity, requestedOn, effectiveOn, timing, decidedBy,
                timeline, null, null);
    }
}
