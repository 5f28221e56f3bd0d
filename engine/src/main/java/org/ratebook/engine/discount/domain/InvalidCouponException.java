package org.ratebook.engine.discount.domain;

import org.ratebook.engine.BillingRejection;

/** A coupon that cannot be redeemed: unknown, expired, in another currency, or already redeemed. */
public class InvalidCouponException extends BillingRejection {
    public InvalidCouponException(String message) {
        super(message);
    }
}
