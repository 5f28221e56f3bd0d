package org.ratebook.rules.fact;

/** How long a redeemed coupon keeps discounting: one invoice, a number of billing periods, or for ever. */
public enum CouponDuration {
    ONCE,
    REPEATING,
    FOREVER
}
