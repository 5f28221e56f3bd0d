package org.ratebook.engine.billing;

import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Runs billing for every tenant once a day (cron {@code ratebook.billing.schedule}) with each tenant's today
 * (a sandbox tenant's test clock, or the application clock). One tenant's failure is logged and does not stop the others.
 */
@Component
@ConditionalOnProperty(name = "ratebook.billing.scheduler.enabled", havingValue = "true", matchIfMissing = true)
public class BillingRunScheduler {

    private static final Logger log = LoggerFactory.getLogger(BillingRunScheduler.class);

    private final BillingRun billingRun;
    private final TenantRegistry tenants;
    private final TenantClocks clocks;

    public BillingRunScheduler(BillingRun billingRun, TenantRegistry tenants, TenantClocks clocks) {
        this.billingRun = billingRun;
        this.tenants = tenants;
        this.clocks = clocks;
    }

    @Scheduled(cron = "${ratebook.billing.schedule}")
    public void runDaily() {
        for (TenantId tenant : tenants.all()) {
            LocalDate today = LocalDate.now(clocks.of(tenant));
            try {
                billingRun.run(tenant, today);
            } catch (RuntimeException e) {
                log.error("Billing run for tenant {} on {} failed", tenant, today, e);
            }
        }
    }
}
