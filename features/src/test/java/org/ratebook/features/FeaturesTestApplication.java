package org.ratebook.features;

import org.ratebook.engine.infra.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.LocalDate;

/**
 * The real engine (no web console) on an embedded PostgreSQL, as the feature scenarios drive it. Its clock only
 * moves when a scenario says "today is …"; it starts on 1 January 2026, before every date the scenarios use.
 */
@SpringBootApplication(scanBasePackages = "org.ratebook")
public class FeaturesTestApplication {

    public static final LocalDate CLOCK_START = LocalDate.of(2026, 1, 1);

    @Bean
    @Primary
    MutableClock featuresClock() {
        return MutableClock.startingAt(CLOCK_START);
    }
}
