package org.ratebook.engine.audit;

import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day (cron {@code ratebook.audit.self-check.schedule}, 03:15 by default) re-derives each tenant's most recent
 * invoices. Off with {@code ratebook.audit.self-check.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "ratebook.audit.self-check.enabled", havingValue = "true", matchIfMissing = true)
public class SelfCheckScheduler {

    private static final Logger log = LoggerFactory.getLogger(SelfCheckScheduler.class);

    private final SelfCheck selfCheck;
    private final TenantRegistry tenants;

    public SelfCheckScheduler(SelfCheck selfCheck, TenantRegistry tenants) {
        this.selfCheck = selfCheck;
        this.tenants = tenants;
    }

    @Scheduled(cron = "${ratebook.audit.self-check.schedule:0 15 3 * * *}")
    public void daily() {
        for (TenantId tenant : tenants.all()) {
            try {
                int mismatches = selfCheck.checkRecent(tenant, SelfCheck.DAILY_SAMPLE);
                log.info("Self-check of {}: {} of its latest invoices re-derived, {} differ", tenant,
                        SelfCheck.DAILY_SAMPLE, mismatches);
            } catch (RuntimeException e) {
                log.error("Self-check of tenant {} failed", tenant, e);
            }
        }
    }
}
