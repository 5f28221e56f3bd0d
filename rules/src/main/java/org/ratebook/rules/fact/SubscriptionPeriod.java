package org.ratebook.rules.fact;

import java.time.LocalDate;

/**
 * A span of a subscription's service [from, to) that is due to be invoiced, in phase {@code phase} of the
 * plan. For a recurring phase the span is {@code numerator/denominator} of the billing period
 * [periodFrom, periodTo) under the tenant's day-count convention (1/1 for a whole period).
 */
public record SubscriptionPeriod(String subscriptionId, String plan, int quantity, String currency,
                                 LocalDate from, LocalDate to, String phase, LocalDate periodFrom,
                                 LocalDate periodTo, long numerator, long denominator) {

    /** A whole period of an evergreen plan. */
    public SubscriptionPeriod(String subscriptionId, String plan, int quantity, String currency, LocalDate from,
                              LocalDate to) {
        this(subscriptionId, plan, quantity, currency, from, to, CatalogPlan.EVERGREEN, from, to, 1, 1);
    }

    public boolean prorated() {
        return numerator != denominator;
    }
}
