package org.ratebook.console.pricing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.ClosedPeriodRepricing;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackExport;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if benchmark (issue 12: 10,000 accounts in at most 60 s on two cores). Skipped unless asked for:
 * {@code ./mvnw -pl console verify -Dtest=WhatIfBenchmarkTest -Dratebook.benchmark=true
 * -Dratebook.benchmark.accounts=10000 -Dit.test=none}. Seeds a sandbox seller with that many accounts (one Pro or
 * Starter subscription each) through the real commands and one billing run, then times the re-pricing of the
 * closed period with a draft that raises Pro from 49.00 to 59.00, and checks the arithmetic on the totals.
 */
@SpringBootTest(properties = "ratebook.demo.enabled=false") // no demo import competing with the seeding
@EnabledIfSystemProperty(named = "ratebook.benchmark", matches = "true")
class WhatIfBenchmarkTest {

    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired CommandGateway commands;
    @Autowired BillingRun billingRun;
    @Autowired ClosedPeriodRepricing repricing;
    @Autowired RulePackVersionsProjection versions;
    @Autowired TransactionTemplate transactions;

    @Test
    void repricesAClosedPeriodOfManyAccounts() throws Exception {
        int count = Integer.getInteger("ratebook.benchmark.accounts", 10_000);
        TenantId tenant = TenantId.of("whatif-" + UUID.randomUUID().toString().substring(0, 6));
        Instant start = Instant.parse("2027-01-05T09:00:00Z");
        transactions.executeWithoutResult(s -> tenants.createSandbox(new Tenant(tenant, "What-if Bench GmbH",
                List.of("Str. 1"), "DE123456789"), start));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));

        long seedStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                AccountId account = AccountId.random();
                commands.sendAndWait(new CreateAccountCommand(tenant, account, "Customer " + n, "c" + n + "@x.example",
                        "EUR", "DE", "Europe/Berlin", null, List.of("Weg 1"), null));
                commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(), account,
                        n % 2 == 0 ? "Pro" : "Starter", 1, null));
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        var run = billingRun.runAt(tenant, start);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        assertThat(run.issued()).hasSize(count);

        Map<String, String> files = new TreeMap<>(RulePackExport.files(versions.version(tenant, 1).orElseThrow()));
        files.put("catalog/plans.csv", files.get("catalog/plans.csv").replace("Pro,Hosting,EUR,49.00",
                "Pro,Hosting,EUR,59.00"));
        RulePack draft = RulePackLoader.fromFiles(files, 2);

        long t0 = System.nanoTime();
        List<ClosedPeriodRepricing.AccountRepricing> result = repricing.reprice(tenant, LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 31), draft, n -> { }, () -> false);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        BigDecimal invoiced = result.stream().map(ClosedPeriodRepricing.AccountRepricing::invoiced)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal repriced = result.stream().map(ClosedPeriodRepricing.AccountRepricing::repriced)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int pro = (count + 1) / 2;
        int starter = count / 2;
        System.out.printf("WHAT-IF BENCHMARK: %d accounts seeded in %d ms; re-priced in %d ms (%.2f ms/account)%n",
                count, seedMillis, millis, millis / (double) count);
        assertThat(result).hasSize(count);
        assertThat(invoiced).isEqualByComparingTo(BigDecimal.valueOf(49L * pro + 19L * starter));
        assertThat(repriced).isEqualByComparingTo(BigDecimal.valueOf(59L * pro + 19L * starter));
        assertThat(millis).isLessThanOrEqualTo(60_000);
    }
}
