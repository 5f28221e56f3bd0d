package org.ratebook.rules.decision;

import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.money.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the discounts the rules asked for into amounts (plain Java rules cannot call), in a fixed order whatever
 * order the rules fired in: percentages, each of the charge's own amount; then fixed amounts on one charge; then
 * fixed-amount coupons, once per invoice over the charges they cover in line order. Within each, the pack's own
 * discounts come before coupons, then by label. Each takes at most what is left of the charge, so no charge, and
 * no invoice, goes below zero.
 */
final class DiscountSettlement {

    /** A settled discount: a negative amount (before tax) on the charge it discounts. */
    record Discount(Charge charge, BigDecimal amount, String label, String coupon, String rule) {
    }

    private DiscountSettlement() {
    }

    /** The settled discounts, by the line they discount. */
    static List<Discount> settle(List<DiscountOutput.Requested> requested, List<Charge> charges, Rounding money) {
        Map<Integer, BigDecimal> left = new HashMap<>();
        charges.forEach(c -> left.put(c.lineNo(), c.amount().signum() > 0 ? c.amount() : BigDecimal.ZERO));
        // by the line discounted, then the pack's own discounts before coupons, then by label
        Comparator<DiscountOutput.Requested> byLine = Comparator
                .<DiscountOutput.Requested>comparingInt(r -> r.charge().lineNo())
                .thenComparing(r -> r.coupon() != null).thenComparing(DiscountOutput.Requested::label);
        List<Discount> settled = new ArrayList<>();
        requested.stream().filter(r -> r.kind() == DiscountKind.PERCENT).sorted(byLine).forEach(r ->
                take(r, money.percentOf(r.charge().amount(), r.value(), r.charge().currency()), left, settled));
        requested.stream().filter(r -> r.kind() == DiscountKind.FIXED && r.coupon() == null).sorted(byLine)
                .forEach(r -> take(r, money.round(r.value(), r.charge().currency()), left, settled));
        Map<String, BigDecimal> budgets = new LinkedHashMap<>();
        requested.stream().filter(r -> r.kind() == DiscountKind.FIXED && r.coupon() != null).sorted(byLine)
                .forEach(r -> {
                    BigDecimal budget = budgets.computeIfAbsent(r.coupon(),
                            code -> money.round(r.value(), r.charge().currency()));
                    budgets.put(r.coupon(), budget.subtract(take(r, budget, left, settled)));
                });
        return settled.stream().sorted(Comparator.comparingInt(d -> d.charge().lineNo())).toList();
    }

    /** Takes up to {@code amount} off what is left of the charge; returns what was taken. */
    private static BigDecimal take(DiscountOutput.Requested r, BigDecimal amount, Map<Integer, BigDecimal> left,
                                   List<Discount> settled) {
        BigDecimal available = left.get(r.charge().lineNo());
        BigDecimal taken = amount.min(available);
        if (taken.signum() > 0) {
            left.put(r.charge().lineNo(), available.subtract(taken));
            settled.add(new Discount(r.charge(), taken.negate(), r.label(), r.coupon(), r.rule()));
        }
        return taken.max(BigDecimal.ZERO);
    }
}
