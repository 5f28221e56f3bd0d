package org.ratebook.engine.infra;

import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.pack.RulePackCompiler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The engine's beans and defaults. Defaults live in {@code ratebook-engine.properties} at the lowest
 * precedence, so the application and tests can override any of them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:ratebook-engine.properties")
@EnableScheduling
public class EngineConfiguration {

    /**
     * The one clock. Domain code never reads the system time; tests declare a {@code @Primary}
     * {@link MutableClock} that wins over this one.
     */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public RulePackCompiler rulePackCompiler(Clock clock) {
        return new RulePackCompiler(clock);
    }

    @Bean
    public DecisionService decisionService(RulePackCompiler compiler) {
        return new DecisionService(compiler);
    }
}
