package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Stop billing from {@code effectiveOn} (today if null) until the subscription is resumed. */
public record PauseSubscriptionCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                       LocalDate effectiveOn) {
}
