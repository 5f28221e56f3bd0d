package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** End a subscription; when, as for {@link ChangePlanCommand}. */
public record CancelSubscriptionCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                        ChangeTiming timing, LocalDate effectiveOn) {
}
