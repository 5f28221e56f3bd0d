package org.ratebook.engine.subscription.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.tenants.TenantId;

import java.util.List;
import java.util.Optional;

/** Subscriptions as read, for decisions that look at an account's other subscriptions (an add-on's base). */
public interface SubscriptionDirectory {

    Optional<SubscriptionView> find(TenantId tenant, SubscriptionId id);

    List<SubscriptionView> ofAccount(TenantId tenant, AccountId account);
}
