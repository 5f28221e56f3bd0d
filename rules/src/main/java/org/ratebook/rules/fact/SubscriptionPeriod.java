package org.ratebook.rules.fact;

import java.time.LocalDate;

/** A subscription's service period [from, to) that is due to be invoiced. */
public record SubscriptionPeriod(String subscriptionId, String plan, int quantity, String currency,
                                 LocalDate from, LocalDate to) {
}
