package org.ratebook.engine.infra;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to. Acceptance scenarios travel in time with it ("the time flies to
 * 1 May"); sandbox tenants' test clocks will be built on it.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public static MutableClock startingAt(LocalDate day) {
        return new MutableClock(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    /** Moves to the start of {@code day} (UTC); moving backwards is refused, as time only flies forward. */
    public void setDay(LocalDate day) {
        Instant target = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        now.updateAndGet(current -> {
            if (target.isBefore(current)) {
                throw new IllegalArgumentException("the clock cannot go back from " + current + " to " + target);
            }
            return target;
        });
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        MutableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return parent.withZone(z);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
