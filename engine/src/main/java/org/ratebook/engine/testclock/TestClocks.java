package org.ratebook.engine.testclock;

import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.dunning.StandingEvaluator;
import org.ratebook.tenants.SandboxClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Moves a sandbox tenant's clock and lets billing catch up: the billing run for the new date invoices every
 * period that became due on the way (one invoice per billing date, as on a live tenant), then the accounts'
 * standings are decided for each day passed.
 */
@Service
public class TestClocks {

    /** What advancing did: the clock's new time and the billing run it triggered. */
    public record Advanced(Instant now, BillingRunResult billing) {
    }

    private final SandboxClocks clocks;
    private final BillingRun billingRun;
    private final StandingEvaluator standings;

    public TestClocks(SandboxClocks clocks, BillingRun billingRun, StandingEvaluator standings) {
        this.clocks = clocks;
        this.billingRun = billingRun;
        this.standings = standings;
    }

    public Instant now(TenantId tenant) {
        return clocks.testClock(tenant).orElseThrow(() -> notSandbox(tenant));
    }

    public Advanced advance(TenantId tenant, Instant to) {
        Instant current = now(tenant);
        if (to.isBefore(current)) {
            throw new BillingRejection("the test clock is at " + current + " and cannot go back to " + to);
        }
        if (!clocks.advance(tenant, to)) {
            throw new BillingRejection("the test clock of " + tenant + " moved past " + to + " meanwhile");
        }
        BillingRunResult billing = billingRun.runAt(tenant, to);
        // dunning walks the days passed, so reminders and suspensions fall on the days they would have
        standings.followTestClock(tenant, LocalDate.ofInstant(current, ZoneOffset.UTC),
                LocalDate.ofInstant(to, ZoneOffset.UTC));
        return new Advanced(to, billing);
    }

    private static BillingRejection notSandbox(TenantId tenant) {
        return new BillingRejection("tenant " + tenant + " is live and has no test clock; only sandbox tenants do");
    }
}
