package org.ratebook.engine.usage;

/** The time a {@link Aggregation#TIME_WEIGHTED} quantity is counted in: GB-hours, device-days, seat-periods. */
public enum Weighting {
    HOUR,
    DAY,
    /** the billing period: 10 seats for half the period are 5 (a recurring count prorated) */
    PERIOD
}
