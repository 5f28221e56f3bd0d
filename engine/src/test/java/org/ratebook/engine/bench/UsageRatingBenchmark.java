package org.ratebook.engine.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.EngineTestApplication;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.rating.UsageDue;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.engine.usage.Weighting;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.SandboxClocks;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The cost of rating one usage period with 1M events in one meter, per charge model family: a summed meter
 * priced in graduated tiers (aggregation in PostgreSQL, arithmetic on one quantity), a percentage with a minimum
 * and maximum per transaction (every amount read into the JVM and priced one by one) and a time-weighted level
 * (window functions over every event). Each is timed as the billing run does it: finding the due period and
 * aggregating (UsageDue), then deciding with the rules (DecisionService); and one whole billing run.
 * <p>
 * Run: {@code ./mvnw -pl engine -am -Pbench -DskipTests verify -Dbench.main=org.ratebook.engine.bench.UsageRatingBenchmark}
 * (option {@code -Dbench.rating.events=1000000}). Uses the embedded PostgreSQL unless SPRING_DATASOURCE_URL is set.
 */
public final class UsageRatingBenchmark {

    private static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final int BATCH = 5_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.rating.events", 1_000_000);
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EngineTestApplication.class);
        app.setDefaultProperties(Map.of("ratebook.billing.scheduler.enabled", "false", "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = app.run()) {
            List<String> meters = List.of("api_calls", "payments", "device_days");
            System.out.printf("%nUsage rating benchmark: one period (February 2026) with %,d events in each of %s%n",
                    events, meters);
            for (String meter : meters) {
                TenantId tenant = TenantId.of("rb-" + UUID.randomUUID().toString().substring(0, 8));
                UUID subscription = setUp(context, tenant, meter);
                long t0 = System.nanoTime();
                ingest(context.getBean(UsageIngestion.class), tenant, subscription, meter, events);
                double ingestSeconds = (System.nanoTime() - t0) / 1e9;
                measure(context, tenant, meter, events, ingestSeconds);
            }
        }
        System.exit(0); // the engine's framework threads need not be waited for once the context is closed
    }

    private static UUID setUp(ConfigurableApplicationContext context, TenantId tenant, String meter) {
        context.getBean(TenantRegistry.class).createSandbox(new Tenant(tenant, "Bench", List.of(), null), FEBRUARY);
        RulePack shipped = RulePackLoader.defaultPack();
        UsageCharge charge = switch (meter) {
            case "api_calls" -> new UsageCharge("c", "API calls", "Pro", meter, "EUR", ChargeModel.GRADUATED, null,
                    null, null, 0, null, null, null, null, null, null);
            case "payments" -> new UsageCharge("c", "Payments", "Pro", meter, "EUR", ChargeModel.PERCENTAGE, null,
                    null, null, 0, new BigDecimal("1.5"), new BigDecimal("0.25"), new BigDecimal("0.30"),
                    new BigDecimal("5.00"), null, null);
            default -> new UsageCharge("c", "Device days", "Pro", meter, "EUR", ChargeModel.PER_UNIT,
                    new BigDecimal("0.10"), null, null, 0, null, null, null, null, null, null);
        };
        List<UsageTier> tiers = meter.equals("api_calls") ? List.of(
                new UsageTier("c", BigDecimal.ZERO, new BigDecimal("100000"), new BigDecimal("0.001"),
                        new BigDecimal("2"), null, null),
                new UsageTier("c", new BigDecimal("100001"), null, new BigDecimal("0.0005"), new BigDecimal("3"),
                        null, null)) : List.of();
        context.getBean(RulePackImports.class).importContent(tenant, new RulePackContent("bench", shipped.plans(),
                shipped.sources(), shipped.dayCount(), shipped.rounding(), List.of(charge), tiers),
                LocalDate.of(2000, 1, 1));
        context.getBean(Meters.class).define(tenant, switch (meter) {
            case "device_days" -> new Meter(meter, "device-day", Aggregation.TIME_WEIGHTED, true, null, Weighting.DAY);
            default -> new Meter(meter, meter.equals("payments") ? "EUR" : "call", Aggregation.SUM, false);
        });
        CommandGateway commands = context.getBean(CommandGateway.class);
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(tenant, account, "Bench", null, "EUR", null, "UTC", 1, List.of(),
                null));
        SubscriptionId id = SubscriptionId.random();
        commands.sendAndWait(new CreateSubscriptionCommand(tenant, id, account, "Pro", 1, LocalDate.of(2026, 2, 1)));
        context.getBean(SandboxClocks.class).advance(tenant, Instant.parse("2026-03-01T12:00:00Z"));
        return id.value();
    }

    /** The events spread over February; device changes alternate +1 and −1 around a base of 1,000 devices. */
    private static void ingest(UsageIngestion ingestion, TenantId tenant, UUID subscription, String meter, int total) {
        long spacingMillis = Duration.ofDays(28).toMillis() / total;
        for (int b = 0; b < total / BATCH; b++) {
            List<UsageEvent> batch = new ArrayList<>(BATCH);
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                BigDecimal quantity = switch (meter) {
                    case "payments" -> BigDecimal.valueOf(500 + (i % 40_000), 2); // 5.00 to 404.99
                    case "device_days" -> i == 0 ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(i % 2 == 0 ? -1 : 1);
                    default -> BigDecimal.ONE;
                };
                batch.add(new UsageEvent(meter + "-" + i, subscription, meter, quantity,
                        FEBRUARY.plusMillis(i * spacingMillis), Map.of()));
            }
            List<UsageOutcome> outcomes = ingestion.ingest(tenant, batch);
            if (outcomes.stream().anyMatch(o -> o.status() != UsageOutcome.Status.ACCEPTED)) {
                throw new IllegalStateException("benchmark usage was not accepted: " + outcomes.getFirst());
            }
        }
    }

    private static void measure(ConfigurableApplicationContext context, TenantId tenant, String meter, int events,
                                double ingestSeconds) {
        UsageDue usageDue = context.getBean(UsageDue.class);
        DecisionService decisions = context.getBean(DecisionService.class);
        RulePack pack = context.getBean(org.ratebook.engine.pricing.TenantPacks.class).inEffect(tenant, MARCH_1);
        usageDue.due(tenant, MARCH_1); // warm: plans, JIT, PostgreSQL buffers
        double[] due = new double[ROUNDS];
        double[] decide = new double[ROUNDS];
        UsagePeriod fact = null;
        InvoiceDecision decision = null;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            UsageDue.Result result = usageDue.due(tenant, MARCH_1);
            due[r] = (System.nanoTime() - t0) / 1e6;
            fact = result.due().getFirst().usage().getFirst();
            InvoiceQuestion question = new InvoiceQuestion(new BillingAccount("bench", "EUR", "DE"), MARCH_1,
                    List.of(), List.of(fact));
            long t1 = System.nanoTime();
            decision = decisions.decide(pack, question);
            decide[r] = (System.nanoTime() - t1) / 1e6;
        }
        BillingRun billingRun = context.getBean(BillingRun.class);
        long t2 = System.nanoTime();
        BillingRunResult run = billingRun.run(tenant, MARCH_1);
        double runMillis = (System.nanoTime() - t2) / 1e6;
        InvoiceQueries invoices = context.getBean(InvoiceQueries.class);
        invoices.awaitVisible(tenant, run.issued(), Duration.ofSeconds(30));
        Supplier<String> line = () -> run.issued().stream()
                .flatMap(id -> invoices.find(tenant, id).orElseThrow().lines().stream())
                .filter(InvoiceLineView::usage).map(l -> l.quantity().toPlainString() + " " + l.unit() + " -> "
                        + l.amount().toPlainString()).findFirst().orElse("no usage line");
        System.out.printf("  %-12s (%s): ingest %,.0f events/s; due+aggregate median %,.0f ms (min %,.0f), "
                        + "rules median %,.1f ms; billing run %,.0f ms; invoiced %s; %,d events rated%n",
                meter, fact.transactions().isEmpty() ? "aggregated in SQL"
                        : fact.transactions().others().size() + " distinct amounts in the JVM",
                events / ingestSeconds, median(due), Arrays.stream(due).min().orElse(0), median(decide), runMillis,
                line.get(), fact.events());
        if (!run.problems().isEmpty() || decision.lines().isEmpty()) {
            throw new IllegalStateException("the benchmark period was not rated: " + run.problems());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
