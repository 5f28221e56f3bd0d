package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One row of a pack's coupon table ({@code discount/coupons.csv}): what a code takes off, for how many billing
 * periods, on which plans (none listed: every plan), and the last day it can be redeemed ({@code expiresOn};
 * once redeemed, it runs its course). A redemption keeps the terms it was redeemed with.
 */
public record Coupon(String code, DiscountKind kind, BigDecimal value, String currency, CouponDuration duration,
                     int periods, List<String> plans, LocalDate expiresOn) {

    public Coupon {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a coupon code has 1 to 40 letters, digits, '-' or '_', not '"
                    + code + "'");
        }
        code = code.toUpperCase(Locale.ROOT);
        if (kind == null || duration == null || value == null) {
            throw new IllegalArgumentException("coupon " + code + " needs a kind, a value and a duration");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("coupon " + code + " must take off a positive value, not " + value);
        }
        if (kind == DiscountKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("coupon " + code + " cannot take off more than 100%");
        }
        currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (kind == DiscountKind.FIXED && currency == null) {
            throw new IllegalArgumentException("coupon " + code + " takes off a fixed amount and needs its currency");
        }
        periods = switch (duration) {
            case ONCE -> 1;
            case FOREVER -> 0;
            case REPEATING -> {
                if (periods < 1) {
                    throw new IllegalArgumentException("coupon " + code + " repeats for at least one period");
                }
                yield periods;
            }
        };
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** Whether the coupon discounts charges of {@code plan}. */
    public boolean appliesTo(String plan) {
        return plans.isEmpty() || plans.contains(plan);
    }

    /** Whether it can still be redeemed on {@code day} (its expiry day included). */
    public boolean redeemableOn(LocalDate day) {
        return expiresOn == null || !day.isAfter(expiresOn);
    }

    /** Whether a redemption that has discounted {@code periodsUsed} periods discounts another one. */
    public boolean lastsBeyond(int periodsUsed) {
        return duration == CouponDuration.FOREVER || periodsUsed < periods;
    }

    /** How the coupon reads on an invoice line: "WELCOME20: 20% off", "TENOFF: EUR 10.00 off". */
    public String describe() {
        return code + ": " + (kind == DiscountKind.PERCENT
                ? value.stripTrailingZeros().toPlainString() + "% off"
                : currency + " " + value.toPlainString() + " off");
    }
}
