package org.ratebook.engine.subscription.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.subscription.api.SubscriptionId;

import org.ratebook.engine.subscription.api.PhaseStart;

import org.ratebook.rules.fact.ProductType;

import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as read. {@code priceList} is the list it named (null: the rules choose); {@code signedOn} and
 * {@code signedPackVersion} what it signed up at (its start, or its latest plan change; null when not recorded);
 * {@code productType} its plan's (BASE when not recorded) and {@code baseSubscriptionId} an add-on's base.
 */
public record SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                               String currency, LocalDate startDate, int billCycleDay, String state,
                               List<PhaseStart> phases, LocalDate endsOn, LocalDate pausedFrom, String priceList,
                               LocalDate signedOn, Integer signedPackVersion, ProductType productType,
                               SubscriptionId baseSubscriptionId) {
    /**
     * The timeline with every entry's plan and quantity filled in. Subscriptions created before plan changes
     * existed recorded neither: theirs is the subscription's one plan and quantity.
     */
    public SubscriptionView {
        phases = (phases == null || phases.isEmpty() ? List.of(new PhaseStart("evergreen", startDate)) : phases)
                .stream().map(p -> p.or(plan, quantity)).toList();
        productType = productType == null ? ProductType.BASE : productType;
    }

    public SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                            String currency, LocalDate startDate, int billCycleDay, String state,
                            List<PhaseStart> phases, LocalDate endsOn, LocalDate pausedFrom) {
        this(subscriptionId, accountId, plan, quantity, currency, startDate, billCycleDay, state, phases, endsOn,
                pausedFrom, null, null, null, null, null);
    }

    /** This subscription with another timeline (a change not recorded yet, for a preview). */
    public SubscriptionView withPhases(List<PhaseStart> timeline) {
        return new SubscriptionView(subscriptionId, accountId, plan, quantity, currency, startDate, billCycleDay, state,
                timeline, endsOn, pausedFrom, priceList, signedOn, signedPackVersion, productType, baseSubscriptionId);
    }

    public SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                            String currency, LocalDate startDate, int billCycleDay, String state,
                            List<PhaseStart> phases) {
        this(subscriptionId, accountId, plan, quantity, currency, startDate, billCycleDay, state, phases, null, null);
    }
}
