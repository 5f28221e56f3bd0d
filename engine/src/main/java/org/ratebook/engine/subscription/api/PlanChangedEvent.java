package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * The subscription moves from {@code fromPlan} to {@code toPlan} on {@code effectiveOn}; {@code timeline} is
 * its whole timeline afterwards. {@code decidedBy} names the change-policy rule that chose the timing, or is
 * null when the request named it. {@code priceList} (added later, null in older events and when the change named
 * none) is the price list the change named; the new plan's entries in {@code timeline} carry it too.
 * {@code proration} (revision 2; null in older events: invoiced at once) is what the change does with the
 * proration of the period it falls in, and {@code prorationDecidedBy} the change-policy rule that chose it (null
 * when the request named it or no rule did); the entry starting on {@code effectiveOn} carries it too.
 */
@Revision("2")
public record PlanChangedEvent(TenantId tenantId, SubscriptionId subscriptionId, String fromPlan, String toPlan,
                               LocalDate requestedOn, LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                               int packVersion, List<PhaseStart> timeline, String priceList,
                               ProrationBehaviour proration, String prorationDecidedBy) {
    public PlanChangedEvent {
        timeline = List.copyOf(timeline);
    }

    public PlanChangedEvent(TenantId tenantId, SubscriptionId subscriptionId, String fromPlan, String toPlan,
                            LocalDate requestedOn, LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                            int packVersion, List<PhaseStart> timeline, String priceList) {
        this(tenantId, subscriptionId, fromPlan, toPlan, requestedOn, effectiveOn, timing, decidedBy, packVersion,
                timeline, priceList, null, null);
    }

    public PlanChangedEvent(TenantId tenantId, SubscriptionId subscriptionId, String fromPlan, String toPlan,
                            LocalDate requestedOn, LocalDate effectiveOn, ChangeTiming timing, String decidedBy,
                            int packVersion, List<PhaseStart> timeline) {
        this(tenantId, subscriptionId, fromPlan, toPlan, requestedOn, effectiveOn, timing, decidedBy, packVersion,
                timeline, null);
    }
}
