package org.ratebook.engine.usage;

/** How a meter's events in a period become one quantity. */
public enum Aggregation {
    SUM,
    MAX,
    COUNT,
    /** distinct values of the meter's event property (e.g. device ids seen in the period) */
    UNIQUE_COUNT,
    LAST,
    /**
     * Each event changes a level (+1 device, −5 GB) that carries over from earlier periods; the quantity is
     * the level integrated over time, per hour, per day or per billing period (GB-hours, device-days, seats
     * prorated over the period).
     */
    TIME_WEIGHTED
}
