package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/** Bill a paused subscription again from {@code effectiveOn} (today if null). */
public record ResumeSubscriptionCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                        LocalDate effectiveOn) {
}
