package org.ratebook.engine.subscription.api;

import org.axonframework.serialization.Revision;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * An account subscribed to a plan. Periods start on {@code billCycleDay} (clamped to short months); the
 * price is not part of the event: the rule pack in effect decides it for each period.
 */
@Revision("1")
public record SubscriptionCreatedEvent(TenantId tenantId, SubscriptionId subscriptionId, AccountId accountId,
                                       String plan, int quantity, String currency, LocalDate startDate,
                                       int billCycleDay, int packVersion) {
}
