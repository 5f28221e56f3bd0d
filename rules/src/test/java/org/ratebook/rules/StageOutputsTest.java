package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.AccountStanding;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.safety.DrlValidator;
import org.ratebook.rules.safety.Violation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule category writes to its own output and can call nothing else (decision 019), and packs of format 1
 * (one {@code decisions} global for every stage) still compile, hash and decide as they did.
 */
class StageOutputsTest {

    /** The shipped default pack as it was before the split: its files are kept under test resources. */
    private static final String FORMAT_1_DEFAULT = "org/ratebook/rules/packs/format1-default";

    /**
     * The content hash of the default pack before this change, as the engine recorded it in
     * RulePackPublishedEvent and on every invoice's trace; computed from the unchanged files by the unchanged
     * {@code RulePack.contentHash}.
     */
    private static final String FORMAT_1_DEFAULT_HASH =
            "fd32748bd7ee36648ed0c19529570fed436a0f3c946d3bfe4983c627418d42db";

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    private final DrlValidator validator = new DrlValidator();
    private final BillingAccount account = new BillingAccount("acc-1", "EUR", "DE");

    private static final String HEADER = """
            package t;
            import java.math.BigDecimal;
            import org.ratebook.rules.fact.*;
            """;

    private List<String> violations(RuleCategory category, String name, String drl) {
        return validator.validate(new DrlSource(category, name, drl)).stream().map(Violation::toString).toList();
    }

    @Test
    void aTaxRuleCannotCreateARecurringChargeThroughAnyGlobal() {
        assertThat(violations(RuleCategory.TAX, "rules/tax.drl", HEADER + """
                global org.ratebook.rules.decision.TaxOutput tax;
                global org.ratebook.rules.decision.PricingOutput pricing;
                rule "Sneaky"
                when $p : SubscriptionPeriod() $plan : CatalogPlan()
                then pricing.recurring($p, $plan);
                end
                """)).containsExactly(
                "rules/tax.drl line 5: global org.ratebook.rules.decision.PricingOutput pricing is not allowed: a tax "
                        + "rule cannot write to the pricing output; the rules of a tax file record their results "
                        + "through 'global TaxOutput tax;'",
                "rules/tax.drl line 8: a tax rule cannot create a recurring charge: pricing.recurring belongs to "
                        + "pricing rules; tax rules record their results through "
                        + "tax.at/exempt/rate/reverseCharge(...)");
        // the format-1 global is checked per category too
        assertThat(violations(RuleCategory.TAX, "rules/tax.drl", HEADER + """
                global org.ratebook.rules.decision.Decisions decisions;
                rule "Sneaky"
                when $p : SubscriptionPeriod() $plan : CatalogPlan()
                then decisions.recurring($p, $plan);
                end
                """)).containsExactly("rules/tax.drl line 7: a tax rule cannot create a recurring charge: "
                + "decisions.recurring belongs to pricing rules; tax rules record their results through "
                + "tax.at/exempt/rate/reverseCharge(...)");
        assertThat(violations(RuleCategory.DISCOUNT, "rules/discount.drl", HEADER + """
                global org.ratebook.rules.decision.DiscountOutput discount;
                rule "Sneaky"
                when $c : Charge()
                then discount.percent($c, new BigDecimal("10"), "10 %"); tax.rate($c, BigDecimal.ZERO, "none");
                end
                """)).containsExactly("rules/discount.drl line 7: a discount rule cannot tax a charge: tax.rate "
                + "belongs to tax rules; discount rules record their results through discount.coupon/fixed/percent(...)");
    }

    @Test
    void eachOutputOffersOnlyItsOwnMethods() {
        assertThat(violations(RuleCategory.PRICING, "rules/pricing.drl", HEADER + """
                global org.ratebook.rules.decision.PricingOutput pricing;
                rule "Price lists are settled by Java, not by rules"
                when $p : SubscriptionPeriod()
                then pricing.settle($p);
                end
                """)).containsExactly("rules/pricing.drl line 7: pricing.settle is not allowed: pricing offers "
                + "buyFrom(...) and fixed(...) and keepSignedPrice(...) and keepSignedPriceForMonths(...) and "
                + "oneOff(...) and recurring(...)");
    }

    @Test
    void theChangePolicyIsItsOwnCategoryWhateverTheFileIsCalled() {
        String policy = HEADER + """
                global org.ratebook.rules.decision.ChangeOutput change;
                rule "Downgrades wait for the end of the term"
                when $c : PlanChange( kind == ChangeKind.DOWNGRADE )
                then change.takeEffect($c, ChangeTiming.END_OF_TERM);
                end
                """;
        // named pricing-… and not listed in the manifest, the file is a pricing file, which cannot time changes
        assertThat(violations(RuleCategory.PRICING, "rules/pricing-changes.drl", policy)).contains(
                "rules/pricing-changes.drl line 7: a pricing rule cannot time a plan change: change.takeEffect "
                        + "belongs to change rules; pricing rules record their results through "
                        + "pricing.buyFrom/fixed/keepSignedPrice/keepSignedPriceForMonths/oneOff/recurring(...)");
        assertThat(violations(RuleCategory.CHANGE, "rules/pricing-changes.drl", policy)).isEmpty();
        // and the shipped default pack lists it under change, so it runs as the change policy, not as pricing
        RulePack pack = RulePackLoader.defaultPack();
        assertThat(pack.sources(RuleCategory.CHANGE)).extracting(DrlSource::name)
                .containsExactly("rules/pricing-changes.drl");
        CatalogPlan pro = pack.plan("Pro", "EUR").orElseThrow();
        CatalogPlan starter = pack.plan("Starter", "EUR").orElseThrow();
        assertThat(service.decideChange(pack, PlanChange.ofPlan("s", pro, starter, 1, LocalDate.of(2026, 3, 10)))
                .trace().fired()).extracting(f -> f.category() + ":" + f.rule())
                .containsExactly("CHANGE:Downgrades and removed seats take effect at the end of the term");
    }

    @Test
    void aFormat1TaxFileStillDecidesThroughTheAdapter() {
        RulePack format1 = RulePackLoader.fromClasspath(FORMAT_1_DEFAULT, 1);
        assertThat(format1.sources()).allSatisfy(s -> assertThat(s.text()).contains("Decisions decisions;"));
        List<DrlSource> sources = new ArrayList<>(format1.sources());
        sources.removeIf(s -> s.category() == RuleCategory.TAX);
        sources.add(new DrlSource(RuleCategory.TAX, "rules/tax.drl", HEADER + """
                global org.ratebook.rules.decision.Decisions decisions;
                rule "Tax"
                when $c : Charge()
                then decisions.tax($c, BigDecimal.ZERO, "No tax");
                end
                """));
        RulePack ok = new RulePack("format1", 1, format1.plans(), sources);
        assertThat(service.decide(ok, pro(1)).lines()).extracting(DecidedLine::taxLabel).containsExactly("No tax");
    }

    @Test
    void aPackOfFormat1KeepsItsContentHashAndDecidesAsTheSplitPackDoes() {
        RulePack format1 = RulePackLoader.fromClasspath(FORMAT_1_DEFAULT, 1);
        RulePack split = RulePackLoader.defaultPack();
        assertThat(format1.contentHash()).isEqualTo(FORMAT_1_DEFAULT_HASH);
        assertThat(split.contentHash()).isNotEqualTo(FORMAT_1_DEFAULT_HASH);
        format1 = withUsage(format1);
        split = withUsage(split);
        // format 1: the change policy is among the pricing files, as the file name says
        assertThat(format1.sources()).extracting(s -> s.category() + ":" + s.name())
                .contains("PRICING:rules/pricing-changes.drl");

        Function<InvoiceDecision, List<String>> figures = d -> d.lines().stream()
                .map(l -> l.lineNo() + "|" + l.itemType() + "|" + l.description() + "|" + l.amount() + "|"
                        + l.taxAmount() + "|" + l.taxLabel() + "|" + l.rules())
                .toList();
        InvoiceQuestion question = new InvoiceQuestion(account, LocalDate.of(2026, 2, 1), List.of(
                new SubscriptionPeriod("sub-1", "Pro", 3, "EUR", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 1),
                        CatalogPlan.EVERGREEN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 20, 31)),
                null, List.of(), List.of(), List.of(
                        new UsagePeriod("sub-1", "Pro", "api_calls", "call", "EUR", LocalDate.of(2026, 1, 1),
                                LocalDate.of(2026, 2, 1), new BigDecimal("1200"), 1200, null, null, null,
                                new BigDecimal("100")),
                        new UsagePeriod("sub-1", "Pro", "api_calls", "call", "EUR", LocalDate.of(2025, 12, 1),
                                LocalDate.of(2026, 1, 1), new BigDecimal("1000"), 1000, null, new BigDecimal("15.00"),
                                new BigDecimal("900"), null)));
        InvoiceDecision before = service.decide(format1, question);
        InvoiceDecision after = service.decide(split, question);
        assertThat(figures.apply(before)).isEqualTo(figures.apply(after));
        // a prorated recurring charge, usage, a true-up and an adjustment: every pricing and rating path
        assertThat(after.lines()).extracting(DecidedLine::itemType)
                .containsExactly("RECURRING", "USAGE", "TRUE_UP", "ADJUSTMENT");
        assertThat(after.lines().getFirst().amount()).isEqualByComparingTo("94.84"); // 3 x 49.00 x 20/31
        assertThat(before.spikes()).isEqualTo(after.spikes()).hasSize(1);

        CatalogPlan pro = split.plan("Pro", "EUR").orElseThrow();
        CatalogPlan starter = split.plan("Starter", "EUR").orElseThrow();
        for (PlanChange change : List.of(PlanChange.ofPlan("s", starter, pro, 1, LocalDate.of(2026, 3, 10)),
                PlanChange.ofPlan("s", pro, starter, 1, LocalDate.of(2026, 3, 10)),
                PlanChange.ofCancel("s", pro, 1, LocalDate.of(2026, 3, 10)))) {
            assertThat(service.decideChange(format1, change).timing())
                    .isEqualTo(service.decideChange(split, change).timing())
                    .isPresent();
        }
        for (int days : List.of(0, 8, 15, 31, 61)) {
            assertThat(service.decideStanding(format1, pastDue(days)).state())
                    .isEqualTo(service.decideStanding(split, pastDue(days)).state());
            assertThat(service.decideStanding(format1, pastDue(days)).actions())
                    .isEqualTo(service.decideStanding(split, pastDue(days)).actions());
        }
        assertThat(service.decideStanding(format1, pastDue(31)).state()).isEqualTo(DunningState.SUSPENDED);
        assertThat(service.decideChange(format1, PlanChange.ofCancel("s", pro, 1, LocalDate.of(2026, 3, 10)))
                .timing()).contains(ChangeTiming.END_OF_TERM);
    }

    private static AccountStanding pastDue(int days) {
        LocalDate today = LocalDate.of(2026, 3, 10);
        return new AccountStanding("acc-1", "EUR", today, days == 0 ? null : today.minusDays(days), days,
                new BigDecimal("49.00"), 1, days == 0 ? BigDecimal.ZERO : new BigDecimal("49.00"), days == 0 ? 0 : 1,
                DunningState.GOOD, null);
    }

    /** The pack with a graduated usage charge for API calls on Pro, so the overage rules rate and flag usage. */
    private static RulePack withUsage(RulePack pack) {
        UsageCharge api = new UsageCharge("api-pro", "API calls", "Pro", "api_calls", "EUR", ChargeModel.PER_UNIT,
                new BigDecimal("0.0125"), null, new BigDecimal("100"), 0, null, null, null, null,
                new BigDecimal("20.00"), null);
        return new RulePack(pack.name(), pack.version(), pack.plans(), pack.sources(), pack.dayCount(),
                pack.rounding(), pack.tables(), pack.taxSettings(), List.of(api), List.of());
    }

    private InvoiceQuestion pro(int quantity) {
        return new InvoiceQuestion(account, LocalDate.of(2026, 1, 1), List.of(new SubscriptionPeriod(
                "sub-1", "Pro", quantity, "EUR", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))));
    }

    @Test
    void theCompilerRefusesAPackWhoseTaxRuleWouldPrice() {
        RulePack pack = TestPacks.withTax(HEADER + """
                global org.ratebook.rules.decision.Decisions decisions;
                rule "Sneaky"
                when $p : SubscriptionPeriod() $plan : CatalogPlan()
                then decisions.recurring($p, $plan);
                end
                """);
        assertThatThrownBy(() -> service.decide(pack, pro(1)))
                .isInstanceOf(RulePackCompilationException.class)
                .hasMessageContaining("a tax rule cannot create a recurring charge");
        assertThat(DecisionException.class).isNotNull();
    }
}
