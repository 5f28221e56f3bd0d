package org.ratebook.rules.fact;

import java.time.LocalDate;

/**
 * How long one recurring period of a plan lasts. Month-based periods follow the billing cycle day; day-based
 * ones (daily, weekly) run from the day the plan starts. An HOURLY price is per hour of service: it is billed
 * along the monthly cycle, the quantity being the hours served (whole days of 24 hours).
 */
public enum BillingPeriod {
    /** a phase billed once, not per period (a trial, a setup fee) */
    ONCE(0, 0),
    HOURLY(1, 0),
    DAILY(0, 1),
    WEEKLY(0, 7),
    MONTHLY(1, 0),
    QUARTERLY(3, 0),
    ANNUAL(12, 0);

    private final int months;
    private final int days;

    BillingPeriod(int months, int days) {
        this.months = months;
        this.days = days;
    }

    /** Months in one period (0 for a phase billed once and for day-based periods; 1 for the hourly cycle). */
    public int months() {
        return months;
    }

    /** Days in one period of a day-based plan (daily, weekly); 0 for the others. */
    public int days() {
        return days;
    }

    public boolean dayBased() {
        return days > 0;
    }

    /** The price per month of a plan with this period, to compare plans billed over different periods. */
    public java.math.BigDecimal perMonth(java.math.BigDecimal price) {
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        return switch (this) {
            case ONCE -> java.math.BigDecimal.ZERO;
            case HOURLY -> price.multiply(java.math.BigDecimal.valueOf(24 * 30));
            case DAILY, WEEKLY -> price.multiply(java.math.BigDecimal.valueOf(30)).divide(
                    java.math.BigDecimal.valueOf(days), mc);
            default -> price.divide(java.math.BigDecimal.valueOf(months), mc);
        };
    }

    /** The first day of the period that {@code day} falls in, for a plan whose state began on {@code stateFrom}. */
    public LocalDate periodStart(LocalDate stateFrom, int billingDay) {
        return dayBased() ? stateFrom : cycleStartOnOrBefore(stateFrom, billingDay);
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
        if (dayBased()) {
            return start.plusDays(days);
        }
        if (months == 0) {
            throw new IllegalStateException("a phase billed once has no next period");
        }
        LocalDate next = start.plusMonths(months);
        return next.withDayOfMonth(Math.min(billingDay, next.lengthOfMonth()));
    }
}
