package org.ratebook.rules.fact;

/** How a discount is measured: a percentage of the charge, or a fixed amount in the charge's currency. */
public enum DiscountKind {
    PERCENT,
    FIXED
}
