package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Subscribe an account to a plan. {@code startDate} null means today in the account's time zone. */
public record CreateSubscriptionCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                        AccountId accountId, String plan, int quantity, LocalDate startDate) {
}
