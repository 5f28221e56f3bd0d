package org.ratebook.engine.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.dunning.DunningRunResult;
import org.ratebook.engine.dunning.StandingEvaluator;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a test clock's dunning catch-up costs: a year walked day by day for {@code bench.accounts} unpaid
 * accounts (default 20), twice (the first round warms up). Not a test (its name matches no Surefire pattern):
 * {@code ./mvnw -o -pl rules,tenants,engine verify -Dtest=DunningCatchUpProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class DunningCatchUpProbe {

    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired TestClocks testClocks;
    @Autowired StandingEvaluator evaluator;

    @Test
    void aYearOfDaysForUnpaidAccounts() {
        int accounts = Integer.getInteger("bench.accounts", 20);
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int round = 1; round <= 2; round++) {
            TenantId tenant = TenantId.of("dunning-probe-" + UUID.randomUUID().toString().substring(0, 8));
            tenants.createSandbox(new Tenant(tenant, "Probe", List.of(), null),
                    start.atStartOfDay(ZoneOffset.UTC).toInstant());
            packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
            for (int i = 0; i < accounts; i++) {
                AccountId account = AccountId.random();
                commands.sendAndWait(new CreateAccountCommand(tenant, account, "Customer " + i, null, "EUR", "DE",
                        "UTC", null, List.of(), null));
                commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(), account, "Pro", 1,
                        start));
            }
            testClocks.advance(tenant, start.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()); // bills January
            long began = System.nanoTime();
            DunningRunResult result = evaluator.followTestClock(tenant, start.plusDays(1), start.plusDays(366));
            long millis = (System.nanoTime() - began) / 1_000_000;
            System.out.printf("DUNNING PROBE round %d: %d accounts x 365 days: %d ms, %d decisions (%.2f ms each), "
                    + "%d changes%n", round, accounts, millis, result.decisions(),
                    (double) millis / result.decisions(), result.changes().size());
        }
    }
}
