package org.ratebook.engine.dunning;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates every tenant's accounts once a day (cron {@code ratebook.dunning.schedule}, by default half an
 * hour after the billing run) with each tenant's today. Sandbox tenants are followed by their test clock too.
 * One tenant's failure is logged and does not stop the others.
 */
@Component
@ConditionalOnProperty(name = "ratebook.billing.scheduler.enabled", havingValue = "true", matchIfMissing = true)
public class DunningScheduler {

    private static final Logger log = LoggerFactory.getLogger(DunningScheduler.class);

    private final StandingEvaluator evaluator;
    private final TenantRegistry tenants;

    public DunningScheduler(StandingEvaluator evaluator, TenantRegistry tenants) {
        this.evaluator = evaluator;
        this.tenants = tenants;
    }

    @Scheduled(cron = "${ratebook.dunning.schedule:0 30 2 * * *}")
    public void runDaily() {
        for (TenantId tenant : tenants.all()) {
            try {
                evaluator.runDaily(tenant, evaluator.today(tenant));
            } catch (RuntimeException e) {
                log.error("Dunning run for tenant {} failed", tenant, e);
            }
        }
    }
}
