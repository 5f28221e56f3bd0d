package org.ratebook.engine.usage;

/**
 * How a meter's events in a period become one quantity. Unique counts and time-weighted aggregations come
 * with rating; until then a meter cannot be defined with them.
 */
public enum Aggregation {
    SUM,
    MAX,
    COUNT,
    LAST
}
