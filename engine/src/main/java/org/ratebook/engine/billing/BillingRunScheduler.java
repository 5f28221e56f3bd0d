package org.ratebook.engine.billing;

import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs billing for every tenant on a schedule (cron {@code ratebook.billing.schedule}, hourly by default) at
 * the tenant's now (a sandbox tenant's test clock, or the application clock); each account is billed for the
 * day its own time zone has reached, so an hourly run bills every account soon after its local midnight. One tenant's failure is logged and does not stop the others.
 * <p>
 * Every node's scheduler fires; each starts the tenant's run for the same target (the tenant's now, to the minute),
 * which is one run shared by the nodes' workers (decision 027). A node without a worker bills synchronously, as
 * before.
 */
@Component
@ConditionalOnProperty(name = "ratebook.billing.scheduler.enabled", havingValue = "true", matchIfMissing = true)
public class BillingRunScheduler {

    private static final Logger log = LoggerFactory.getLogger(BillingRunScheduler.class);

    private final BillingRun billingRun;
    private final TenantRegistry tenants;
    private final TenantClocks clocks;
    private final BillingRunJobs jobs;
    private final boolean shared;

    public BillingRunScheduler(BillingRun billingRun, TenantRegistry tenants, TenantClocks clocks, BillingRunJobs jobs,
                               ObjectProvider<BillingRunWorker> worker) {
        this.billingRun = billingRun;
        this.tenants = tenants;
        this.clocks = clocks;
        this.jobs = jobs;
        this.shared = worker.getIfAvailable() != null;
    }

    @Scheduled(cron = "${ratebook.billing.schedule}")
    public void runDaily() {
        for (TenantId tenant : tenants.all()) {
            Instant now = clocks.of(tenant).instant();
            try {
                if (shared) {
                    // the nodes' schedulers fire within the same minute: one target, one run for all of them
                    jobs.startIfDue(tenant, now.truncatedTo(ChronoUnit.MINUTES), "scheduler");
                } else {
                    billingRun.runAt(tenant, now);
                }
            } catch (RuntimeException e) {
                log.error("Billing run for tenant {} at {} failed", tenant, now, e);
            }
        }
    }
}
