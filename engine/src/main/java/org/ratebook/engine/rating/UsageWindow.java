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
public record UsageWindow(LocalDate from, LocalDate to, LocalDate periodFrom, LocalDate periodTo,
                          LocalDate eventsTo) {

    /** A window whose events are read up to its end. */
    public UsageWindow(LocalDate from, LocalDate to, LocalDate periodFrom, LocalDate periodTo) {
        this(from, to, periodFrom, periodTo, to);
    }

    /**
     * Where events stop counting for this window: its end, or, when service stops on {@code to}, the end of that
     * day. A cancellation or pause at once ends service at the start of its day for the recurring charge, but the
     * usage recorded that day before it was real, and no event can be recorded once the subscription is no longer
     * active. A level weighted over time still counts only the days in service ({@link #end}).
     */
    public Instant eventsEnd(ZoneId zone) {
        return eventsTo.atStartOfDay(zone).toInstant();
    }

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
