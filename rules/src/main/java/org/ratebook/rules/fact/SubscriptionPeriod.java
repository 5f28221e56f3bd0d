package org.ratebook.rules.fact;

import java.time.LocalDate;
import java.util.List;

/**
 * A span of a subscription's service [from, to) that is due to be invoiced, in phase {@code phase} of the
 * plan. For a recurring phase the span is {@code numerator/denominator} of the billing period
 * [periodFrom, periodTo) under the tenant's day-count convention (1/1 for a whole period).
 * <p>
 * {@code priceList} is the price list the subscription named when it was created (null: none, the pricing
 * rules choose). {@code signedOn} is the day the customer signed up for the plan and {@code signedPrices} the
 * plan's price rows in the rule pack version in effect then, so a pricing rule may keep that price after a rise
 * (grandfathering); both are null/empty when unknown.
 */
public record SubscriptionPeriod(String subscriptionId, String plan, int quantity, String currency,
                                 LocalDate from, LocalDate to, String phase, LocalDate periodFrom,
                                 LocalDate periodTo, long numerator, long denominator, String priceList,
                                 LocalDate signedOn, List<CatalogPlan> signedPrices) {

    public SubscriptionPeriod {
        signedPrices = signedPrices == null ? List.of() : List.copyOf(signedPrices);
    }

    /** A span with no named price list and no record of what the customer signed up at. */
    public SubscriptionPeriod(String subscriptionId, String plan, int quantity, String currency,
                              LocalDate from, LocalDate to, String phase, LocalDate periodFrom,
                              LocalDate periodTo, long numerator, long denominator) {
        this(subscriptionId, plan, quantity, currency, from, to, phase, periodFrom, periodTo, numerator,
                denominator, null, null, List.of());
    }

    /** A whole period of an evergreen plan. */
    public SubscriptionPeriod(String subscriptionId, String plan, int quantity, String currency, LocalDate from,
                              LocalDate to) {
        this(subscriptionId, plan, quantity, currency, from, to, CatalogPlan.EVERGREEN, from, to, 1, 1);
    }

    public boolean prorated() {
        return numerator != denominator;
    }
}
