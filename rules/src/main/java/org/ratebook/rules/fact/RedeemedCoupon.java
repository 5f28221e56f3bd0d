package org.ratebook.rules.fact;

import java.time.LocalDate;

/**
 * A coupon the customer redeemed, with the terms it was redeemed with and how many billing periods it has
 * discounted so far (invoices that carry a discount from it; void invoices do not count).
 */
public record RedeemedCoupon(Coupon coupon, LocalDate redeemedOn, int periodsUsed) {

    public String code() {
        return coupon.code();
    }

    /** Whether it discounts the invoice being decided: it has periods left. */
    public boolean active() {
        return coupon.lastsBeyond(periodsUsed);
    }

    public boolean appliesTo(String plan) {
        return coupon.appliesTo(plan);
    }
}
