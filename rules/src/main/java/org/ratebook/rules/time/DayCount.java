package org.ratebook.rules.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How a part of a billing period is measured. Peers disagree, so it is a tenant's choice (rule-pack data):
 * <ul>
 * <li>{@link #ACTUAL} (Kill Bill's default): actual days served over the actual days of the enclosing period,
 * both end-exclusive. A change or cancellation on day D ends service at the start of D.</li>
 * <li>{@link #FIXED_30} (Kill Bill option): 30/360 day count; every month counts 30 days, so the same partial
 * span costs the same in February and in March.</li>
 * <li>{@link #INCLUSIVE_DAYS} (Lago): days counted including both ends over the period's days. For a span that
 * starts mid-period this equals ACTUAL; the difference is at the end: the day of a cancellation or change is
 * still a day of service.</li>
 * </ul>
 * Spans are always written [from, to) here; {@link #serviceEndsAfter(LocalDate)} turns the date of an ending
 * event into {@code to}.
 */
public enum DayCount {
    ACTUAL,
    FIXED_30,
    INCLUSIVE_DAYS;

    /** The part of the period [periodFrom, periodTo) that the span [from, to) inside it covers. */
    public Fraction fraction(LocalDate from, LocalDate to, LocalDate periodFrom, LocalDate periodTo) {
        if (from.isBefore(periodFrom) || to.isAfter(periodTo) || to.isBefore(from) || !periodFrom.isBefore(periodTo)) {
            throw new IllegalArgumentException("span [" + from + ", " + to + ") is not inside period ["
                    + periodFrom + ", " + periodTo + ")");
        }
        if (from.equals(periodFrom) && to.equals(periodTo)) {
            return Fraction.WHOLE;
        }
        long months = months(periodFrom, periodTo);
        if (this == FIXED_30 && months > 0) {
            long days = 30 * months;
            return new Fraction(position30(to, periodFrom, periodTo, days) - position30(from, periodFrom, periodTo, days),
                    days);
        }
        // ACTUAL and INCLUSIVE_DAYS, and FIXED_30 for periods shorter than a month (days, weeks, hours)
        return new Fraction(ChronoUnit.DAYS.between(from, to), ChronoUnit.DAYS.between(periodFrom, periodTo));
    }

    /**
     * The exclusive end of service when a cancellation or change takes effect on {@code eventDate}: the event
     * date itself, or, counting inclusive days, the day after (the event's day is still served).
     */
    public LocalDate serviceEndsAfter(LocalDate eventDate) {
        return this == INCLUSIVE_DAYS ? eventDate.plusDays(1) : eventDate;
    }

    /** Whole calendar months between two billing dates (periods are whole months by construction). */
    private static long months(LocalDate from, LocalDate to) {
        return 12L * (to.getYear() - from.getYear()) + (to.getMonthValue() - from.getMonthValue());
    }

    /**
     * Where {@code date} falls in a period of {@code days} 30-day days, counted 30/360 from the period's start.
     * Measuring positions (not spans) makes adjacent spans add up to the whole period. A start on the last day
     * of a short month that stands for a later billing day (BCD 31 in February) counts as the 30th.
     */
    private static long position30(LocalDate date, LocalDate periodFrom, LocalDate periodTo, long days) {
        if (date.equals(periodFrom)) {
            return 0;
        }
        if (date.equals(periodTo)) {
            return days;
        }
        boolean clampedStart = periodFrom.getDayOfMonth() == periodFrom.lengthOfMonth()
                && periodTo.getDayOfMonth() > periodFrom.getDayOfMonth();
        int startDay = clampedStart ? 30 : Math.min(periodFrom.getDayOfMonth(), 30);
        long position = 360L * (date.getYear() - periodFrom.getYear())
                + 30L * (date.getMonthValue() - periodFrom.getMonthValue())
                + (Math.min(date.getDayOfMonth(), 30) - startDay);
        return Math.max(0, Math.min(days, position));
    }
}
