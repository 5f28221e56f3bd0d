package org.ratebook.engine.billing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A billing run as a work table (decision 027) on a real PostgreSQL: planned once per target, claimed by workers with
 * a lease, taken over when a node's lease runs out, cancelled and resumed without invoicing anything twice. This
 * node's worker is stopped while a test plays another node by hand, and started again after.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class BillingRunJobsTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 15);
    private static final LocalDate TARGET = LocalDate.of(2026, 3, 15); // three monthly periods per account

    @Autowired CommandGateway commands;
    @Autowired BillingRunJobs jobs;
    @Autowired BillingRunWorker worker;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private TenantId tenant;

    @BeforeEach
    void tenantWithFourCustomers() {
        worker.stop();
        tenant = TenantId.of("jobs-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Jobs Hosting GmbH", List.of("Hauptstr. 1"), "DE123456789"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        for (int i = 0; i < 4; i++) {
            AccountId account = AccountId.random();
            commands.sendAndWait(new CreateAccountCommand(tenant, account, "Customer " + i, "b@example.com", "EUR",
                    "DE", "Europe/Berlin", null, List.of("Way 5"), null));
            commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(), account, "Pro", 1,
                    START));
        }
    }

    @AfterEach
    void workerBack() {
        if (!worker.isRunning()) {
            worker.start();
        }
    }

    @Test
    void aRunStartedTwiceIsOneRunAndEveryDuePeriodIsInvoicedOnceWithGaplessNumbers() throws Exception {
        UUID first = jobs.start(tenant, TARGET, null, "test");
        UUID second = jobs.start(tenant, TARGET, null, "test");
        assertThat(second).as("the same target while it runs is the same run").isEqualTo(first);
        assertThat(jobs.find(tenant, first)).satisfies(p -> {
            assertThat(p.state()).isEqualTo("running");
            assertThat(p.accountsDue()).isEqualTo(4);
            assertThat(p.accountsDone()).isZero();
        });

        worker.start();
        BillingRunJobs.Progress done = awaitFinished(first);
        assertThat(done.accountsDone()).isEqualTo(4);
        assertThat(done.invoices()).isEqualTo(12);
        assertThat(done.amounts()).containsOnlyKeys("EUR");
        assertThat(done.amounts().get("EUR")).isEqualByComparingTo("588.00"); // 12 × 49.00
        assertThat(done.itemsByNode()).containsOnlyKeys(worker.node());
        assertThat(done.problems()).isEmpty();
        assertExactlyOnceAndGapless(12);
    }

    @Test
    void theClaimsOfANodeWhoseLeaseRanOutAreTakenOverAndNothingIsInvoicedTwice() throws Exception {
        UUID runId = jobs.start(tenant, TARGET, null, "test");
        BillingRunJobs.Ref run = ref(runId);
        Instant now = clock.instant();
        // a node claimed everything with a lease that has run out by the application clock, invoiced one account,
        // and died; while a lease holds, nobody else claims
        Map<AccountId, List<LocalDate>> claimed = jobs.claim(run, "dead-node", now.minusSeconds(10), now.plusSeconds(5), 100);
        assertThat(claimed).hasSize(4);
        assertThat(jobs.claim(run, "other-node", now, now.plusSeconds(5), 100)).as("nothing left to claim").isEmpty();
        AccountId firstAccount = claimed.keySet().iterator().next();
        jobs.record(run, "dead-node", firstAccount, jobs.invoice(run, java.util.Set.of(firstAccount)), now.minusSeconds(1));
        // ... and issued a second account's invoices, dying before it recorded them: the worker taking over finds
        // them issued, and the run still counts them as its own (done, with the invoice), not as skipped
        AccountId secondAccount = claimed.keySet().stream().skip(1).findFirst().orElseThrow();
        assertThat(jobs.invoice(run, java.util.Set.of(secondAccount)).invoices()).hasSize(3);

        worker.start();
        BillingRunJobs.Progress done = awaitFinished(runId);
        assertThat(done.itemsByNode()).containsEntry("dead-node", 3).containsEntry(worker.node(), 9);
        assertThat(done.invoices()).isEqualTo(12);
        assertExactlyOnceAndGapless(12);
    }

    @Test
    void aCancelledRunInvoicesNothingMoreAndAResumedOneFinishesWithoutInvoicingTwice() throws Exception {
        UUID runId = jobs.start(tenant, TARGET, null, "test");
        BillingRunJobs.Ref run = ref(runId);
        Instant now = clock.instant();
        Map<AccountId, List<LocalDate>> claimed = jobs.claim(run, "test-node", now, now.plusSeconds(60), 1);
        assertThat(claimed).as("one account, claimed whole").hasSize(1)
                .allSatisfy((account, dates) -> assertThat(dates).hasSize(3));
        AccountId account = claimed.keySet().iterator().next();
        jobs.record(run, "test-node", account, jobs.invoice(run, java.util.Set.of(account)), now.plusSeconds(60));

        assertThat(jobs.cancel(tenant, runId).state()).isEqualTo("cancelled");
        assertThat(jobs.cancel(tenant, runId).state()).as("cancelling again changes nothing").isEqualTo("cancelled");
        worker.start();
        Thread.sleep(2_500); // two polls of the worker: a cancelled run's items are not claimed
        assertThat(jobs.find(tenant, runId)).satisfies(p -> {
            assertThat(p.state()).isEqualTo("cancelled");
            assertThat(p.invoices()).isEqualTo(3);
            assertThat(p.accountsDone()).isEqualTo(1);
        });

        assertThat(jobs.resume(tenant, runId).state()).isEqualTo("running");
        BillingRunJobs.Progress done = awaitFinished(runId);
        assertThat(done.invoices()).isEqualTo(12);
        assertExactlyOnceAndGapless(12);

        assertThatThrownBy(() -> jobs.cancel(tenant, runId)).isInstanceOf(BillingRunConflict.class)
                .hasMessageContaining("is finished");
        assertThatThrownBy(() -> jobs.resume(tenant, runId)).isInstanceOf(BillingRunConflict.class);
        TenantId other = TenantId.of("jobs-other-" + UUID.randomUUID().toString().substring(0, 6));
        tenants.create(new Tenant(other, "Other", List.of(), null));
        assertThatThrownBy(() -> jobs.find(other, runId)).as("another tenant's run does not exist for it")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.cancel(other, runId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void nodesClaimingAtTheSameTimeNeverSplitAnAccountBetweenThem() throws Exception {
        UUID runId = jobs.start(tenant, TARGET, null, "test");
        BillingRunJobs.Ref run = ref(runId);
        Instant now = clock.instant();
        Map<AccountId, String> claimedBy = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> split = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<Callable<Void>> claimers = new java.util.ArrayList<>();
        for (String node : List.of("n1", "n2", "n3")) {
            claimers.add(() -> {
                Map<AccountId, List<LocalDate>> got;
                while (!(got = jobs.claim(run, node, now, now.plusSeconds(60), 1)).isEmpty()) {
                    got.forEach((account, dates) -> {
                        if (dates.size() != 3 || claimedBy.putIfAbsent(account, node) != null) {
                            split.add(account + " " + dates + " by " + node);
                        }
                    });
                }
                return null;
            });
        }
        for (var f : nodes.invokeAll(claimers)) {
            f.get();
        }
        nodes.shutdown();
        jobs.cancel(tenant, runId); // the claims would hold until their lease ends
        assertThat(split).as("accounts claimed in part, or twice").isEmpty();
        assertThat(claimedBy).hasSize(4);
    }

    @Test
    void theHourlyStartOfEveryNodeIsOneRunAndNoRunIsRecordedWhenNothingIsDue() throws Exception {
        Instant now = clock.instant(); // 15 January 2026, the day the subscriptions start
        UUID onOneNode = jobs.startIfDue(tenant, now, "scheduler").orElseThrow();
        assertThat(jobs.startIfDue(tenant, now, "scheduler")).as("the other node's scheduler").contains(onOneNode);
        worker.start();
        BillingRunJobs.Progress done = awaitFinished(onOneNode);
        assertThat(done.targetAt()).isEqualTo(now);
        assertThat(done.invoices()).isEqualTo(4);
        assertExactlyOnceAndGapless(4);
        assertThat(jobs.startIfDue(tenant, now, "scheduler")).as("started again: nothing is due any more").isEmpty();
    }

    private BillingRunJobs.Ref ref(UUID runId) {
        return jobs.running().stream().filter(r -> r.runId().equals(runId)).findFirst().orElseThrow();
    }

    private BillingRunJobs.Progress awaitFinished(UUID runId) throws Exception {
        waitUntil(() -> !jobs.find(tenant, runId).running());
        BillingRunJobs.Progress p = jobs.find(tenant, runId);
        assertThat(p.state()).isEqualTo("finished");
        return p;
    }

    /** Every (subscription, period) on one invoice, invoice numbers 1..n without a gap, from the event store's view. */
    private void assertExactlyOnceAndGapless(int invoices) throws Exception {
        waitUntil(() -> jdbc.queryForObject("SELECT count(*) FROM invoices WHERE tenant_id = ?", Integer.class,
                tenant.value()) >= invoices);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT subscription_id, period_from FROM invoice_lines WHERE tenant_id = ?
                                      GROUP BY 1, 2 HAVING count(*) > 1) twice""", Integer.class, tenant.value()))
                .as("a period invoiced twice").isZero();
        List<String> numbers = jdbc.queryForList("SELECT number FROM invoices WHERE tenant_id = ? ORDER BY number",
                String.class, tenant.value());
        assertThat(numbers).hasSize(invoices);
        assertThat(numbers.getFirst()).isEqualTo("INV-000001");
        assertThat(numbers.getLast()).isEqualTo(String.format("INV-%06d", invoices));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
