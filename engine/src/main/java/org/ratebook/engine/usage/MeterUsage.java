package org.ratebook.engine.usage;

import java.math.BigDecimal;

/** A meter's usage over a window: its aggregated quantity and how many events made it. */
public record MeterUsage(String meter, String unit, Aggregation aggregation, BigDecimal quantity, long events) {
}
