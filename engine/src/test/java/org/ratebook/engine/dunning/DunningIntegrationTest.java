package org.ratebook.engine.dunning;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.payment.InvoicePayments;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.ratebook.tenants.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Dunning on the real engine: test clocks walking the days, payments re-evaluating, the billing run pausing. */
@SpringBootTest(classes = EngineTestApplication.class)
class DunningIntegrationTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Autowired CommandGateway commands;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired TestClocks testClocks;
    @Autowired InvoiceQueries invoices;
    @Autowired InvoicePayments payments;
    @Autowired AccountStandings standings;
    @Autowired StandingEvaluator evaluator;
    @Autowired BillingRun billingRun;
    @Autowired TenantScope tenantScope;
    @Autowired JdbcTemplate jdbc;

    private TenantId sandbox(String name) {
        TenantId tenant = TenantId.of(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, name, List.of(), null), MARCH_1.atStartOfDay(ZoneOffset.UTC).toInstant());
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        return tenant;
    }

    private AccountId proCustomer(TenantId tenant) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, "ACME", null, "EUR", "DE", "UTC", null,
                List.of(), null));
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, SubscriptionId.random(), account, "Pro", 1, MARCH_1));
        return account;
    }

    private void advance(TenantId tenant, LocalDate to) {
        TestClocks.Advanced advanced = testClocks.advance(tenant, to.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(invoices.awaitVisible(tenant, advanced.billing().issued(), Duration.ofSeconds(10))).isTrue();
    }

    private List<InvoiceView> oldestFirst(TenantId tenant) {
        List<InvoiceView> all = new ArrayList<>(invoices.latest(tenant, 100));
        all.sort(Comparator.comparing(InvoiceView::number));
        return all;
    }

    private int stored(String eventType, TenantId tenant) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?
                  AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?""",
                Integer.class, "%." + eventType, tenant.value());
    }

    @Test
    void aTestClockJumpOfTwoAndAHalfMonthsRemindsWarnsSuspendsAndTerminatesOnTheirOwnDays() {
        TenantId tenant = sandbox("jumping-hosting");
        AccountId account = proCustomer(tenant);

        advance(tenant, LocalDate.of(2026, 3, 21)); // INV 1 of 1 March is due 15 March: 6 days past due
        assertThat(standings.of(tenant, account).state()).isEqualTo(DunningState.GOOD);
        assertThat(standings.of(tenant, account).since()).isNull();

        advance(tenant, LocalDate.of(2026, 5, 20));

        assertThat(standings.changes(tenant, account)).extracting(StandingChange::on, StandingChange::to,
                StandingChange::trigger).containsExactly(
                tuple(LocalDate.of(2026, 3, 22), DunningState.REMINDED, StandingEvaluator.TEST_CLOCK),
                tuple(LocalDate.of(2026, 3, 29), DunningState.WARNED, StandingEvaluator.TEST_CLOCK),
                tuple(LocalDate.of(2026, 4, 14), DunningState.SUSPENDED, StandingEvaluator.TEST_CLOCK),
                tuple(LocalDate.of(2026, 5, 14), DunningState.TERMINATED, StandingEvaluator.TEST_CLOCK));
        StandingView now = standings.of(tenant, account);
        assertThat(now.state()).isEqualTo(DunningState.TERMINATED);
        assertThat(now.since()).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(now.rules()).containsExactly("Account terminated 60 days past due");
        assertThat(now.pack().name()).isEqualTo("default");
        assertThat(now.figures().daysPastDue()).isEqualTo(60);
        assertThat(now.figures().unpaidInvoices()).as("1 March, 1 April and 1 May").isEqualTo(3);
        assertThat(now.figures().unpaidBalance()).isEqualByComparingTo("147.00");
        assertThat(now.trace()).extracting(f -> f.rule()).hasSize(4);
        assertThat(standings.blocksPlanChanges(tenant, account)).isTrue();
        assertThat(stored("PaymentReminderSentEvent", tenant)).isEqualTo(2);
        assertThat(stored("AccountSuspendedEvent", tenant)).isEqualTo(1);
        assertThat(stored("AccountTerminatedEvent", tenant)).isEqualTo(1);
        assertThat(billingRun.run(tenant, LocalDate.of(2026, 5, 20)).problems())
                .as("the default policy never pauses billing").isEmpty();

        // the daily run on the same day decides the same and records nothing more
        DunningRunResult again = evaluator.runDaily(tenant, LocalDate.of(2026, 5, 20));
        assertThat(again.decisions()).isEqualTo(1);
        assertThat(again.changes()).isEmpty();
        assertThat(standings.changes(tenant, account)).hasSize(4);
    }

    @Test
    void payingEverythingReinstatesTheAccountAsSoonAsThePaymentIsRecorded() {
        TenantId tenant = sandbox("paying-hosting");
        AccountId account = proCustomer(tenant);
        advance(tenant, LocalDate.of(2026, 4, 20));
        assertThat(standings.of(tenant, account).state()).isEqualTo(DunningState.SUSPENDED);
        List<InvoiceView> open = oldestFirst(tenant);
        assertThat(open).hasSize(2);

        payments.recordReceived(tenant, open.get(0).invoiceId(), null, open.get(0).total(), "EUR", null, "SEPA-1");
        StandingView afterFirst = standings.of(tenant, account);
        assertThat(afterFirst.state()).as("the April invoice is 5 days past due").isEqualTo(DunningState.GOOD);
        assertThat(afterFirst.trigger()).isEqualTo(StandingEvaluator.PAYMENT);
        assertThat(afterFirst.since()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(stored("AccountReinstatedEvent", tenant)).isEqualTo(1);
        assertThat(standings.blocksPlanChanges(tenant, account)).isFalse();
    }

    @Test
    void aPackThatPausesBillingHoldsBackInvoicesWhileSuspendedAndTheFirstRunAfterwardsCatchesUp() {
        TenantId tenant = sandbox("pausing-hosting");
        RulePack shipped = RulePackLoader.defaultPack();
        List<DrlSource> sources = new ArrayList<>(shipped.sources(RuleCategory.PRICING));
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl", """
                package strict;
                import org.ratebook.rules.fact.AccountStanding;
                import org.ratebook.rules.fact.DunningAction;
                import org.ratebook.rules.fact.DunningState;
                global org.ratebook.rules.decision.StandingOutput standing;
                rule "Suspended and not billed 10 days past due"
                when AccountStanding( daysPastDue >= 10 )
                then standing.becomes(DunningState.SUSPENDED, DunningAction.SUSPEND_SERVICE,
                                        DunningAction.PAUSE_BILLING); end
                """));
        packs.importContent(tenant, new RulePackContent("strict", shipped.plans(), sources), MARCH_1);
        AccountId account = proCustomer(tenant);

        advance(tenant, LocalDate.of(2026, 3, 25));
        assertThat(standings.of(tenant, account).has(DunningAction.PAUSE_BILLING)).isTrue();
        assertThat(stored("AccountSuspendedEvent", tenant)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'billingPaused')::boolean FROM domain_event_entry
                WHERE payload_type LIKE '%.AccountSuspendedEvent'
                  AND convert_from(payload, 'UTF8')::jsonb #>> '{tenantId,value}' = ?""", Boolean.class,
                tenant.value())).isTrue();

        BillingRunResult april = billingRun.run(tenant, LocalDate.of(2026, 4, 2));
        assertThat(april.issued()).isEmpty();
        assertThat(april.problems()).singleElement().asString().contains("is paused", "SUSPENDED since 2026-03-25",
                "Suspended and not billed 10 days past due", "2026-04-01 is invoiced when it ends");

        InvoiceView march = oldestFirst(tenant).getFirst();
        payments.recordReceived(tenant, march.invoiceId(), null, march.total(), "EUR", null, "SEPA-2");
        assertThat(standings.of(tenant, account).state()).isEqualTo(DunningState.GOOD);
        BillingRunResult caughtUp = billingRun.run(tenant, LocalDate.of(2026, 4, 2));
        assertThat(caughtUp.issued()).hasSize(1);
        assertThat(caughtUp.problems()).isEmpty();
    }

    @Test
    void aFailingSuspensionRuleNeverLosesThePaymentThatTriggeredIt() {
        TenantId tenant = sandbox("broken-hosting");
        RulePack shipped = RulePackLoader.defaultPack();
        List<DrlSource> sources = new ArrayList<>(shipped.sources(RuleCategory.PRICING));
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl", """
                package broken;
                import org.ratebook.rules.fact.AccountStanding;
                import org.ratebook.rules.fact.DunningAction;
                import org.ratebook.rules.fact.DunningState;
                global org.ratebook.rules.decision.StandingOutput standing;
                rule "Good standing that suspends"
                when AccountStanding()
                then standing.becomes(DunningState.GOOD, DunningAction.SUSPEND_SERVICE); end
                """));
        packs.importContent(tenant, new RulePackContent("broken", shipped.plans(), sources), MARCH_1);
        proCustomer(tenant);
        advance(tenant, LocalDate.of(2026, 3, 2));
        InvoiceView march = oldestFirst(tenant).getFirst();

        payments.recordReceived(tenant, march.invoiceId(), "SEPA-3", march.total().subtract(java.math.BigDecimal.ONE),
                "EUR", null, "SEPA-3");

        assertThat(invoices.awaitPayment(tenant, march.invoiceId(), "SEPA-3", Duration.ofSeconds(10))).isTrue();
        assertThat(tenantScope.call(tenant, () -> jdbc.queryForObject(
                "SELECT balance FROM dunning_receivables WHERE tenant_id = ? AND invoice_id = ?",
                java.math.BigDecimal.class, tenant.value(), march.invoiceId()))).isEqualByComparingTo("1.00");
        assertThat(stored("DunningStateChangedEvent", tenant)).isZero();
    }
}
