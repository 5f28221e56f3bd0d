package org.ratebook.console;

import org.junit.jupiter.api.Test;
import org.ratebook.console.security.LoginThrottle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in throttling per user and per client address, with time moved by a clock rather than waited for. */
class LoginThrottleTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aUserIsPausedAfterFiveWrongPasswordsUntilTheLockoutHasPassed() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("Ann", "10.0.0.1");
        }
        assertThat(throttle.refusal("ann", "10.0.0.2")).isNull();
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.refusal("ann", "10.0.0.2")).contains("for this user").contains("15 minutes");
        assertThat(throttle.refusal("bob", "10.0.0.2")).as("other users are not held back").isNull();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.refusal("ann", "10.0.0.2")).isNull();
    }

    @Test
    void anAddressTryingManyUsersIsPaused() {
        LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), new MovableClock());
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.refusal("someone-else", "10.0.0.9")).contains("from your address");
        assertThat(throttle.refusal("someone-else", "10.0.0.8")).isNull();
    }
}
