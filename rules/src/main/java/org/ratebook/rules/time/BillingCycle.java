package org.ratebook.rules.time;

import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The billing periods of one subscription under a {@link BillingAlignment}: where the period a day falls in
 * starts, and where the next one starts. Month-based periods keep their billing day ({@code billingDay}; 31
 * lands on the last day of shorter months and returns to 31 after); day-based ones run from the day the plan's
 * state began, except calendar weeks, which start on Monday.
 *
 * @param billingDay the day of the month periods start on: the stored billing cycle day (the customer's, or the
 *                   start day), the start day under SUBSCRIPTION, 1 under CALENDAR
 * @param anchor     the subscription's start, which periods of several months follow under SUBSCRIPTION
 */
public record BillingCycle(BillingAlignment alignment, int billingDay, LocalDate anchor) {

    public BillingCycle {
        Objects.requireNonNull(alignment, "alignment");
        if (billingDay < 1 || billingDay > 31) {
            throw new IllegalArgumentException("a billing day is 1 to 31, not " + billingDay);
        }
    }

    /** Periods along the billing cycle day, as before alignments existed. */
    public static BillingCycle onDay(int billingDay) {
        return new BillingCycle(BillingAlignment.ACCOUNT, billingDay, null);
    }

    /**
     * The cycle of a subscription that started on {@code start} with the billing cycle day it stored (the
     * customer's, or its start day when the customer had none), under the pack's alignment.
     */
    public static BillingCycle of(BillingAlignment alignment, int storedBillingDay, LocalDate start) {
        return switch (alignment) {
            case ACCOUNT -> new BillingCycle(alignment, storedBillingDay > 0 ? storedBillingDay
                    : start.getDayOfMonth(), start);
            case SUBSCRIPTION -> new BillingCycle(alignment, start.getDayOfMonth(), start);
            case CALENDAR -> new BillingCycle(alignment, 1, start);
        };
    }

    /** The first day of the period that {@code stateFrom} falls in, for a plan billed at {@code cadence}. */
    public LocalDate periodStart(Cadence cadence, LocalDate stateFrom) {
        if (cadence.dayBased()) {
            return alignment == BillingAlignment.CALENDAR && cadence.unit() == BillingPeriod.WEEKLY
                    ? stateFrom.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : stateFrom;
        }
        int months = cadence.months();
        if (alignment == BillingAlignment.CALENDAR) {
            int index = stateFrom.getYear() * 12 + stateFrom.getMonthValue() - 1;
            int first = index - Math.floorMod(index, months);
            return LocalDate.of(Math.floorDiv(first, 12), Math.floorMod(first, 12) + 1, 1);
        }
        if (alignment == BillingAlignment.SUBSCRIPTION && months > 1 && anchor != null
                && !stateFrom.isBefore(anchor)) {
            long periods = ChronoUnit.MONTHS.between(anchor, stateFrom) / months;
            LocalDate start = anchor.plusMonths(periods * months);
            LocalDate later = anchor.plusMonths((periods + 1) * months);
            // a start on the 31st lands on shorter months' last day, which MONTHS.between does not count
            return later.isAfter(stateFrom) ? start : later;
        }
        return BillingPeriod.cycleStartOnOrBefore(stateFrom, billingDay);
    }

    /** The start of the period after the one starting on {@code start}. */
    public LocalDate next(Cadence cadence, LocalDate start) {
        if (cadence.dayBased()) {
            return start.plusDays(cadence.days());
        }
        if (cadence.months() == 0) {
            throw new IllegalStateException("a phase billed once has no next period");
        }
        LocalDate next = start.plusMonths(cadence.months());
        return next.withDayOfMonth(Math.min(billingDay, next.lengthOfMonth()));
    }

    /**
     * Why {@code cadence} cannot be billed under {@code alignment}, or null when it can: calendar alignment needs
     * a calendar to follow (days, Monday weeks, months whose count divides a year or is whole years).
     */
    public static String unsupported(BillingAlignment alignment, Cadence cadence) {
        if (alignment != BillingAlignment.CALENDAR || cadence.unit() == BillingPeriod.ONCE
                || cadence.unit() == BillingPeriod.HOURLY) {
            return null;
        }
        if (cadence.dayBased()) {
            return cadence.every() == 1 ? null : "a period of " + cadence.describe().replace("every ", "")
                    + " has no calendar to align to; use ACCOUNT or SUBSCRIPTION alignment, or a period of 1 day "
                    + "or 1 week";
        }
        int months = cadence.months();
        return 12 % months == 0 || months % 12 == 0 ? null : "a period of " + months + " months does not divide "
                + "the calendar year; calendar alignment takes periods of 1, 2, 3, 4, 6 or 12 months or whole years";
    }
}
