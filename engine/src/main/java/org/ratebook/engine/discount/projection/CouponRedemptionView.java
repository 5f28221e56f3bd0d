package org.ratebook.engine.discount.projection;

import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.RedeemedCoupon;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A coupon an account redeemed: its terms as redeemed, the day, the pack version it came from, and the
 * (non-void) invoices it has discounted so far, one per billing period used.
 */
public record CouponRedemptionView(Coupon coupon, LocalDate redeemedOn, String packName, int packVersion,
                                   Set<UUID> discountedInvoices) {
    public CouponRedemptionView {
        discountedInvoices = Set.copyOf(discountedInvoices);
    }

    public int periodsUsed() {
        return discountedInvoices.size();
    }

    /** Periods it will still discount; null if it lasts for ever. */
    public Integer periodsLeft() {
        return switch (coupon.duration()) {
            case FOREVER -> null;
            case ONCE, REPEATING -> Math.max(0, coupon.periods() - periodsUsed());
        };
    }

    /** As the discount rules see it. */
    public RedeemedCoupon asFact() {
        return new RedeemedCoupon(coupon, redeemedOn, periodsUsed());
    }
}
