package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * An account subscribed to a plan. Periods start on {@code billCycleDay} (clamped to short months); the
 * phases (a trial, then evergreen) are fixed here from the pack in effect at the start, so a later change of
 * the catalog does not rewrite an existing subscription's trial. Prices are not part of the event: the rule
 * pack in effect decides them for each period. {@code packVersion} and {@code startDate} are also what the
 * customer signed up at: a pricing rule of a later version may keep that version's price (grandfathering).
 * <p>
 * Added later, null in older events: {@code priceList}, the price list the subscription named (null: the rules
 * choose); {@code productType} of the plan (null: BASE); {@code baseSubscriptionId}, the base an add-on belongs
 * to, billed on the same cycle day and ended with it; {@code trialDays} (revision 3), the trial length the
 * subscriber was given instead of the plan's (0: none; null: the plan's), kept so that a plan change or a resume
 * lays the new plan's phases out with the same trial.
 */
@Revision("3")
public record SubscriptionCreatedEvent(TenantId tenantId, SubscriptionId subscriptionId, AccountId accountId,
                                       String plan, int quantity, String currency, LocalDate startDate,
                                       int billCycleDay, int packVersion, List<PhaseStart> phases, String priceList,
                                       ProductType productType, SubscriptionId baseSubscriptionId,
                                       Integer trialDays) {
    public SubscriptionCreatedEvent {
        phases = phases == null || phases.isEmpty() ? List.of(new PhaseStart("evergreen", startDate)) : List.copyOf(phases);
    }

    public SubscriptionCreatedEvent(TenantId tenantId, SubscriptionId subscriptionId, AccountId accountId,
                                    String plan, int quantity, String currency, LocalDate startDate,
                                    int billCycleDay, int packVersion, List<PhaseStart> phases) {
        this(tenantId, subscriptionId, accountId, plan, quantity, currency, startDate, billCycleDay, packVersion,
                phases, null, null, null, null);
    }

    public SubscriptionCreatedEvent(TenantId tenantId, SubscriptionId subscriptionId, AccountId accountId,
                                    String plan, int quantity, String currency, LocalDate startDate,
                                    int billCycleDay, int packVersion, List<PhaseStart> phases, String priceList,
                                    ProductType productType, SubscriptionId baseSubscriptionId) {
        this(tenantId, subscriptionId, accountId, plan, quantity, currency, startDate, billCycleDay, packVersion,
                phases, priceList, productType, baseSubscriptionId, null);
    }
}
