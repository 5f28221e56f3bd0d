package org.ratebook.engine.subscription.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;

/**
 * Subscribe an account to a plan. {@code startDate} null means today in the account's time zone.
 * {@code priceList} names the price list the subscription buys from (null: the seller's pricing rules choose);
 * {@code baseSubscriptionId} names, for an add-on, the base subscription it belongs to (null: the account's one
 * active base subscription). {@code trialDays} sets this subscription's free trial (Stripe's and Lago's
 * {@code trial_period_days}): null keeps the plan's trial, 0 means no trial, more sets the trial phase's length in
 * days.
 */
public record CreateSubscriptionCommand(TenantId tenantId, @TargetAggregateIdentifier SubscriptionId subscriptionId,
                                        AccountId accountId, String plan, int quantity, LocalDate startDate,
                                        String priceList, SubscriptionId baseSubscriptionId, Integer trialDays) {

    /** The longest trial a subscription may be given: about ten years, the catalog's own bound on a duration. */
    public static final int MAX_TRIAL_DAYS = 3650;

    public CreateSubscriptionCommand(TenantId tenantId, SubscriptionId subscriptionId, AccountId accountId,
                                     String plan, int quantity, LocalDate startDate, String priceList,
                                     SubscriptionId baseSubscriptionId) {
        this(tenantId, subscriptionId, accountId, plan, quantity, startDate, priceList, baseSubscriptionId, null);
    }

    public CreateSubscriptionCommand(TenantId tenantId, SubscriptionId subscriptionId, AccountId accountId,
                                     String plan, int quantity, LocalDate startDate) {
        this(tenantId, subscriptionId, accountId, plan, quantity, startDate, null, null, null);
    }
}
