package org.ratebook.engine.subscription.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.subscription.api.SubscriptionId;

import org.ratebook.engine.subscription.api.PhaseStart;

import java.time.LocalDate;
import java.util.List;

public record SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                               String currency, LocalDate startDate, int billCycleDay, String state,
                               List<PhaseStart> phases, LocalDate endsOn, LocalDate pausedFrom) {
    /**
     * The timeline with every entry's plan and quantity filled in. Subscriptions created before plan changes
     * existed recorded neither: theirs is the subscription's one plan and quantity.
     */
    public SubscriptionView {
        phases = (phases == null || phases.isEmpty() ? List.of(new PhaseStart("evergreen", startDate)) : phases)
                .stream().map(p -> p.or(plan, quantity)).toList();
    }

    public SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                            String currency, LocalDate startDate, int billCycleDay, String state,
                            List<PhaseStart> phases) {
        this(subscriptionId, accountId, plan, quantity, currency, startDate, billCycleDay, state, phases, null, null);
    }
}
