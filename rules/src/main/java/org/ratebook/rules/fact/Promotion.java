package org.ratebook.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a pack's promotion table ({@code discount/promotions.csv}): {@code percent} off the plans it lists
 * (none listed: every plan) on invoices dated from {@code validFrom} to {@code validTo}, both included (an open end
 * is null). Unlike a coupon, nobody redeems it: it applies to every customer while it runs.
 */
public record Promotion(String name, List<String> plans, BigDecimal percent, LocalDate validFrom, LocalDate validTo) {

    public Promotion {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a promotion needs a name to print on the invoice");
        }
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a promotion is a percentage above 0 and up to 100, not " + percent);
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("promotion " + name + " cannot end on " + validTo + ", before it starts");
        }
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    public boolean appliesTo(String plan) {
        return plans.isEmpty() || plans.contains(plan);
    }

    /** Whether it runs on {@code day} (both ends included). */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** How it reads on an invoice line: "Spring sale: 20% off". */
    public String label() {
        return name + ": " + percent.stripTrailingZeros().toPlainString() + "% off";
    }
}
