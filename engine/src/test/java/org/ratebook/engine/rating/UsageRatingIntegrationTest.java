package org.ratebook.engine.rating;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.engine.usage.Weighting;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.TransactionAmounts;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.SandboxClocks;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage rated by the tenant's pack through the real billing run, event store and read models. */
@SpringBootTest(classes = EngineTestApplication.class)
class UsageRatingIntegrationTest {

    @Autowired CommandGateway commands;
    @Autowired BillingRun billingRun;
    @Autowired InvoiceQueries invoices;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired RulePackVersionsProjection versions;
    @Autowired Meters meters;
    @Autowired UsageIngestion ingestion;
    @Autowired UsageQueries usage;
    @Autowired LineUsage lineUsage;
    @Autowired SandboxClocks clocks;

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private TenantId sandbox(String clock) {
        TenantId tenant = TenantId.of("rate-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.createSandbox(new Tenant(tenant, "Rating Hosting", List.of(), null), Instant.parse(clock));
        return tenant;
    }

    /** The default pack, with Pro's API calls priced in the peers' graduated tiers. */
    private void graduatedApiCalls(TenantId tenant) {
        RulePack shipped = RulePackLoader.defaultPack();
        UsageCharge charge = new UsageCharge("api-pro", "API calls", "Pro", "api_calls", "EUR", ChargeModel.GRADUATED,
                null, null, null, 0, null, null, null, null, null, null);
        List<UsageTier> tiers = List.of(new UsageTier("api-pro", d("0"), d("10"), d("10"), d("2"), null, null),
                new UsageTier("api-pro", d("11"), d("20"), d("5"), d("3"), null, null),
                new UsageTier("api-pro", d("21"), null, d("5"), d("3"), null, null));
        int version = packs.importContent(tenant, new RulePackContent("metered", shipped.plans(), shipped.sources(),
                shipped.dayCount(), shipped.rounding(), List.of(charge), tiers), LocalDate.of(2000, 1, 1));
        // the version reads back from its tables with the content hash it was saved with
        assertThat(versions.version(tenant, version)).hasValueSatisfying(p -> {
            assertThat(p.usageCharges()).containsExactly(charge);
            assertThat(p.usageTiers()).hasSize(3);
        });
    }

    private UUID customer(TenantId tenant, String zone, LocalDate start) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, "Metered GmbH", null, "EUR", "DE", zone, 1,
                List.of(), null));
        SubscriptionId subscription = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, subscription, account, "Pro", 1, start));
        clocks.advance(tenant, Instant.parse("2026-06-15T00:00:00Z")); // usage may be sent up to now
        return subscription.value();
    }

    private void send(TenantId tenant, UUID subscription, String meter, String tx, String quantity, String at,
                      Map<String, String> properties) {
        List<UsageOutcome> outcomes = ingestion.ingest(tenant, List.of(new UsageEvent(tx, subscription, meter,
                d(quantity), Instant.parse(at), properties)));
        assertThat(outcomes).extracting(UsageOutcome::status).containsExactly(UsageOutcome.Status.ACCEPTED);
    }

    private InvoiceView run(TenantId tenant, LocalDate date) {
        BillingRunResult result = billingRun.run(tenant, date);
        assertThat(result.problems()).isEmpty();
        assertThat(invoices.awaitVisible(tenant, result.issued(), Duration.ofSeconds(10))).isTrue();
        return result.issued().stream().map(id -> invoices.find(tenant, id).orElseThrow())
                .max(Comparator.comparing(InvoiceView::number)).orElse(null);
    }

    private static List<String> lines(InvoiceView invoice) {
        return invoice.lines().stream().map(l -> l.itemType() + " " + l.periodFrom() + " " + l.amount().toPlainString())
                .toList();
    }

    @Test
    void usageIsInvoicedInArrearBesideThePlanAndLateUsageIsAdjustedOnTheNextInvoiceOnce() {
        TenantId tenant = sandbox("2026-01-01T00:00:00Z");
        graduatedApiCalls(tenant);
        meters.define(tenant, new Meter("api_calls", "call", Aggregation.SUM, false));
        UUID subscription = customer(tenant, "UTC", LocalDate.of(2026, 3, 1));
        send(tenant, subscription, "api_calls", "m-1", "11", "2026-03-10T12:00:00Z", Map.of());

        InvoiceView april = run(tenant, LocalDate.of(2026, 4, 1));
        assertThat(lines(april)).containsExactly("RECURRING 2026-04-01 49.00", "USAGE 2026-03-01 110.00");
        InvoiceLineView usageLine = april.lines().get(1);
        assertThat(usageLine.description()).isEqualTo("API calls (graduated tiers)");
        assertThat(usageLine.meter()).isEqualTo("api_calls");
        assertThat(usageLine.unit()).isEqualTo("call");
        assertThat(usageLine.quantity()).isEqualByComparingTo("11");
        assertThat(usageLine.periodTo()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(usageLine.transactions()).isEqualTo(1);
        assertThat(usageLine.tiers()).extracting(UsageTierLine::label, t -> t.amount().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tier 1", "102"),
                        org.assertj.core.groups.Tuple.tuple("tier 2", "8"));
        assertThat(usageLine.rules()).containsExactly("Usage priced by the plan's charge table",
                "No tax configured for the seller");
        assertThat(billingRun.run(tenant, LocalDate.of(2026, 4, 1)).issued()).isEmpty();

        // three calls of March arrive late; the next invoice carries the difference and names March
        send(tenant, subscription, "api_calls", "m-late", "3", "2026-03-20T08:00:00Z", Map.of());
        assertThat(billingRun.run(tenant, LocalDate.of(2026, 4, 20)).issued()).isEmpty();
        InvoiceView may = run(tenant, LocalDate.of(2026, 5, 1));
        assertThat(lines(may)).containsExactly("RECURRING 2026-05-01 49.00", "USAGE 2026-04-01 2.00",
                "ADJUSTMENT 2026-03-01 15.00");
        assertThat(may.lines().get(2).description())
                .isEqualTo("Adjustment of API calls for 1 March 2026 to 31 March 2026 (re-rated 14 call, billed before 11)");

        InvoiceView june = run(tenant, LocalDate.of(2026, 6, 1));
        assertThat(lines(june)).containsExactly("RECURRING 2026-06-01 49.00", "USAGE 2026-05-01 2.00");

        LineUsage.Page behind = lineUsage.transactions(tenant, april.invoiceId(), 2, 10, 0);
        assertThat(behind.transactionsOnLine()).isEqualTo(1);
        assertThat(behind.transactionsNow()).isEqualTo(2);
        assertThat(behind.transactions()).extracting(UsageQueries.Transaction::transactionId)
                .containsExactly("m-1", "m-late");
    }

    @Test
    void uniqueCountsAndTimeWeightedLevelsAggregateOverTheWindow() {
        TenantId tenant = sandbox("2026-01-01T00:00:00Z");
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        meters.define(tenant, new Meter("devices", "device", Aggregation.UNIQUE_COUNT, false, "device_id", null));
        meters.define(tenant, new Meter("device_days", "device-day", Aggregation.TIME_WEIGHTED, false, null,
                Weighting.DAY));
        meters.define(tenant, new Meter("seats", "seat", Aggregation.TIME_WEIGHTED, false, null, Weighting.PERIOD));
        UUID subscription = customer(tenant, "UTC", LocalDate.of(2026, 2, 1));
        send(tenant, subscription, "devices", "d-1", "1", "2026-03-02T00:00:00Z", Map.of("device_id", "a"));
        send(tenant, subscription, "devices", "d-2", "1", "2026-03-03T00:00:00Z", Map.of("device_id", "b"));
        send(tenant, subscription, "devices", "d-3", "1", "2026-03-04T00:00:00Z", Map.of("device_id", "a"));
        // one device since February, three more from the 1st, two more from the 11th, five gone on the 21st
        send(tenant, subscription, "device_days", "t-0", "1", "2026-02-15T00:00:00Z", Map.of());
        send(tenant, subscription, "device_days", "t-1", "3", "2026-03-01T00:00:00Z", Map.of());
        send(tenant, subscription, "device_days", "t-2", "2", "2026-03-11T00:00:00Z", Map.of());
        send(tenant, subscription, "device_days", "t-3", "-5", "2026-03-21T00:00:00Z", Map.of());
        // ten seats for the second half of a 30-day period are five seats for the period
        send(tenant, subscription, "seats", "s-1", "10", "2026-04-16T00:00:00Z", Map.of());

        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        Instant april = Instant.parse("2026-04-01T00:00:00Z");
        Duration month = Duration.between(march, april);
        assertThat(usage.aggregate(tenant, subscription, meter(tenant, "devices"), march, april, month).quantity())
                .isEqualByComparingTo("2");
        // 1 × 31 + 3 × 10 + 5 × 10 + 0 × 11
        assertThat(usage.aggregate(tenant, subscription, meter(tenant, "device_days"), march, april, month))
                .satisfies(u -> {
                    assertThat(u.quantity()).isEqualByComparingTo("111");
                    assertThat(u.events()).isEqualTo(3);
                });
        Instant may = Instant.parse("2026-05-01T00:00:00Z");
        assertThat(usage.aggregate(tenant, subscription, meter(tenant, "seats"), april, may,
                Duration.between(april, may)).quantity()).isEqualByComparingTo("5");
        // a level carried in from before counts in a window without events
        assertThat(usage.aggregate(tenant, subscription, meter(tenant, "seats"), may,
                Instant.parse("2026-06-01T00:00:00Z"), Duration.ofDays(31)).quantity()).isEqualByComparingTo("10");
        assertThat(usage.usage(tenant, subscription, march, april)).extracting(u -> u.meter() + "=" + u.quantity())
                .contains("devices=2", "device_days=111");
    }

    @Test
    void perTransactionAmountsComeAsTheEarliestInOrderAndTheOthersGroupedFromOneSnapshot() {
        TenantId tenant = sandbox("2026-01-01T00:00:00Z");
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        meters.define(tenant, new Meter("payments", "EUR", Aggregation.SUM, true));
        UUID subscription = customer(tenant, "UTC", LocalDate.of(2026, 2, 1));
        String[] amounts = {"7", "15", "-3", "10", "400", "10.00", "10", "400", "3.33"};
        for (int i = 0; i < amounts.length; i++) {
            send(tenant, subscription, "payments", "p-" + i, amounts[i], "2026-03-0" + (i + 1) + "T10:00:00Z", Map.of());
        }
        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        Instant april = Instant.parse("2026-04-01T00:00:00Z");

        // one free event, then 20 free units: 15 and 10 use them up (the -3 is no payment and uses none)
        TransactionAmounts some = usage.transactionAmounts(tenant, subscription, "payments", march, april, 1, d("20"));
        assertThat(some.earliest()).extracting(BigDecimal::toPlainString).containsExactly("7", "15", "-3", "10");
        assertThat(some.others()).extracting(a -> a.amount().toPlainString() + "x" + a.count())
                .containsExactly("3.33x1", "10x2", "400x2");
        assertThat(some.count()).isEqualTo(9);

        TransactionAmounts none = usage.transactionAmounts(tenant, subscription, "payments", march, april, 0, null);
        assertThat(none.earliest()).isEmpty();
        assertThat(none.others()).extracting(a -> a.amount().toPlainString() + "x" + a.count())
                .containsExactly("-3x1", "3.33x1", "7x1", "10x3", "15x1", "400x2");
    }

    private Meter meter(TenantId tenant, String code) {
        return meters.indexed(tenant).get(code);
    }
}
