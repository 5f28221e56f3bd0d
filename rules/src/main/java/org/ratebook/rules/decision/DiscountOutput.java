package org.ratebook.rules.decision;

import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.fact.RedeemedCoupon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What discount rules may decide (DRL {@code global DiscountOutput discount;}): a percentage or a fixed amount
 * off a charge, or a redeemed coupon's discount on it. These are requests; {@link DiscountSettlement} turns
 * them into amounts after the discount rules have all fired, in a fixed order whatever order they fired in.
 */
public final class DiscountOutput {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A discount a rule asked for. */
    record Requested(Charge charge, DiscountKind kind, BigDecimal value, String label, String coupon, String rule) {
    }

    private final RuleFiring firing;
    private final List<Requested> requested = new ArrayList<>();

    DiscountOutput(RuleFiring firing) {
        this.firing = firing;
    }

    /**
     * {@code percent} off the charge (a volume or bundle discount, a promotion), taken from the charge's own
     * amount and never more than what is left of it.
     */
    public void percent(Charge charge, BigDecimal percent, String label) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            throw firing.mistake("asked for a discount of " + percent + "%; a discount is above 0% and at most 100%");
        }
        requested.add(new Requested(charge, DiscountKind.PERCENT, percent, label(label), null, firing.rule()));
    }

    /** {@code amount} (in the charge's currency) off the charge, never more than what is left of it. */
    public void fixed(Charge charge, BigDecimal amount, String label) {
        if (amount == null || amount.signum() <= 0) {
            throw firing.mistake("asked for a discount of " + amount + "; a fixed discount is a positive amount");
        }
        requested.add(new Requested(charge, DiscountKind.FIXED, amount, label(label), null, firing.rule()));
    }

    /**
     * The redeemed coupon's discount on the charge: a percentage of it, or the coupon's fixed amount once per
     * invoice, spread over the charges it covers. A coupon discounts a charge at most once, and only a charge
     * of a plan it covers, in its currency, while it has periods left; asking for anything else is a mistake
     * in the pack and fails the decision.
     */
    public void coupon(Charge charge, RedeemedCoupon redeemed) {
        Coupon coupon = redeemed.coupon();
        if (!redeemed.active()) {
            throw firing.mistake("applied coupon " + coupon.code() + ", which has discounted all of its "
                    + coupon.periods() + " period(s)");
        }
        if (!coupon.appliesTo(charge.plan())) {
            throw firing.mistake("applied coupon " + coupon.code() + " to plan " + charge.plan()
                    + ", which the coupon does not cover");
        }
        if (coupon.kind() == DiscountKind.FIXED && !coupon.currency().equals(charge.currency())) {
            throw firing.mistake("applied coupon " + coupon.code() + " in " + coupon.currency()
                    + " to a charge in " + charge.currency());
        }
        boolean already = requested.stream().anyMatch(r -> coupon.code().equals(r.coupon())
                && r.charge().lineNo() == charge.lineNo());
        if (!already) {
            requested.add(new Requested(charge, coupon.kind(), coupon.value(), "Coupon " + coupon.describe(),
                    coupon.code(), firing.rule()));
        }
    }

    private String label(String label) {
        if (label == null || label.isBlank()) {
            throw firing.mistake("gave a discount no label; the invoice must say what the discount is");
        }
        return label.strip();
    }

    List<Requested> requested() {
        return List.copyOf(requested);
    }
}
