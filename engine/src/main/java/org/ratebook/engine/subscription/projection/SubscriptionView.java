package org.ratebook.engine.subscription.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.subscription.api.SubscriptionId;

import java.time.LocalDate;

public record SubscriptionView(SubscriptionId subscriptionId, AccountId accountId, String plan, int quantity,
                               String currency, LocalDate startDate, int billCycleDay, String state) {
}
