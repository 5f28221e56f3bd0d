package org.ratebook.engine.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One usage period of a subscription: the days [from, to) it covers (a part of the billing period
 * [periodFrom, periodTo) when service starts or stops inside it), in the account's time zone. It is invoiced
 * on {@code to}, the day it ends.
 */
public record UsageWindow(LocalDate from, LocalDate to, LocalDate periodFrom, LocalDate periodTo) {

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return to.atStartOfDay(zone).toInstant();
    }

    /** The whole billing period's length, which a meter weighted per period divides by. */
    public Duration period(ZoneId zone) {
        return Duration.between(periodFrom.atStartOfDay(zone), periodTo.atStartOfDay(zone));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }
}
