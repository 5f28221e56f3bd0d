package org.ratebook.engine;

import org.ratebook.engine.infra.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.LocalDate;

/** The engine without the web console: what integration tests start, on an embedded PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.ratebook")
public class EngineTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.startingAt(LocalDate.of(2026, 1, 15));
    }
}
