package org.ratebook.engine.subscription.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.subscription.api.SubscriptionId;

import org.ratebook.engine.subscription.api.PhaseStart;

import java.time.LocalDate;
import java.util.List;

public record SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                               String currency, LocalDate startDate, int billCycleDay, String state,
                               List<PhaseStart> phases) {
    public SubscriptionView {
        phases = phases == null || phases.isEmpty() ? List.of(new PhaseStart("evergreen", startDate)) : List.copyOf(phases);
    }
}
