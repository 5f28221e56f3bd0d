package org.ratebook.rules.fact;

import java.time.LocalDate;

/** How long one recurring period of a plan lasts. */
public enum BillingPeriod {
    /** a phase billed once, not per period (a trial, a setup fee) */
    ONCE(0),
    MONTHLY(1),
    QUARTERLY(3),
    ANNUAL(12);

    private final int months;

    BillingPeriod(int months) {
        this.months = months;
    }

    /** Months in one period (0 for a phase billed once). */
    public int months() {
        return months;
    }

    /** The start of the billing cycle that {@code date} falls in: the last billing day on or before it. */
    public static LocalDate cycleStartOnOrBefore(LocalDate date, int billingDay) {
        LocalDate candidate = date.withDayOfMonth(Math.min(billingDay, date.lengthOfMonth()));
        if (!candidate.isAfter(date)) {
            return candidate;
        }
        LocalDate previous = date.minusMonths(1);
        return previous.withDayOfMonth(Math.min(billingDay, previous.lengthOfMonth()));
    }

    /**
     * The start of the period after the one starting on {@code start}, keeping the billing day anchored to
     * {@code billingDay} (a BCD of 31 lands on the last day of shorter months and returns to 31 after).
     */
    public LocalDate next(LocalDate start, int billingDay) {
        if (months == 0) {
            throw new IllegalStateException("a phase billed once has no next period");
        }
        LocalDate next = start.plusMonths(months);
        return next.withDayOfMonth(Math.min(billingDay, next.lengthOfMonth()));
    }
}
