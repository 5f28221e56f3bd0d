package org.ratebook.rules.fact;

import java.math.BigDecimal;

/** One row of a rule pack's plan price table: a plan's recurring price in one currency. */
public record CatalogPlan(String code, String product, String currency, BigDecimal price,
                          BillingPeriod period, BillingMode mode) {
}
