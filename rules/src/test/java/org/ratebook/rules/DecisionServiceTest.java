package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.safety.DrlValidator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ratebook.rules.TestPacks.withTax;

class DecisionServiceTest {

    private final RulePackCompiler compiler = new RulePackCompiler(Clock.systemUTC());
    private final DecisionService service = new DecisionService(compiler);
    private final BillingAccount account = new BillingAccount("acc-1", "EUR", "DE");

    private InvoiceQuestion proFor(int quantity) {
        return new InvoiceQuestion(account, LocalDate.of(2026, 1, 1), List.of(new SubscriptionPeriod(
                "sub-1", "Pro", quantity, "EUR", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))));
    }

    @Test
    void defaultPackPricesProAtFortyNineEurosAndNamesTheRulesThatDecided() {
        InvoiceDecision decision = service.decide(RulePackLoader.defaultPack(), proFor(1));

        assertThat(decision.lines()).hasSize(1);
        DecidedLine line = decision.lines().getFirst();
        assertThat(line.amount()).isEqualByComparingTo("49.00");
        assertThat(line.amount().scale()).isEqualTo(2);
        assertThat(line.taxAmount()).isEqualByComparingTo("0.00");
        assertThat(line.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(line.to()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(line.rules()).containsExactly("Recurring plan price from the catalog",
                "No tax configured for the seller");
        assertThat(decision.trace().packVersion()).isEqualTo(1);
        assertThat(decision.trace().packHash()).isEqualTo(RulePackLoader.defaultPack().contentHash());
        assertThat(decision.trace().fired()).extracting(f -> f.category() + ":" + f.rule()).containsExactly(
                "PRICING:Recurring plan price from the catalog", "TAX:No tax configured for the seller");
        assertThat(decision.trace().fired().getFirst().matched())
                .anySatisfy(fact -> assertThat(fact).contains("sub-1"));
    }

    @Test
    void quantityMultipliesThePlanPrice() {
        InvoiceDecision decision = service.decide(RulePackLoader.defaultPack(), proFor(3));
        assertThat(decision.lines().getFirst().amount()).isEqualByComparingTo("147.00");
    }

    @Test
    void aPeriodWithNoPriceInThePackGetsNoLine() {
        InvoiceQuestion usd = new InvoiceQuestion(new BillingAccount("acc-2", "USD", "US"), LocalDate.of(2026, 1, 1),
                List.of(new SubscriptionPeriod("sub-2", "Pro", 1, "USD", LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 2, 1))));
        assertThat(service.decide(RulePackLoader.defaultPack(), usd).lines()).isEmpty();
    }

    @Test
    void taxRuleRatesAreAppliedPerLineAndRoundedHalfUp() {
        RulePack pack = withTax("""
                package t;
                import java.math.BigDecimal;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.TaxOutput tax;
                rule "German VAT 19%"
                when $c : Charge() then tax.rate($c, new BigDecimal("19"), "VAT 19%"); end
                """);
        DecidedLine line = service.decide(pack, proFor(1)).lines().getFirst();
        assertThat(line.taxAmount()).isEqualByComparingTo("9.31"); // 49.00 × 19% = 9.31
        assertThat(line.taxLabel()).isEqualTo("VAT 19%");
        assertThat(line.rules()).containsExactly("Recurring plan price from the catalog", "German VAT 19%");
    }

    @Test
    void drlThatDoesNotCompileIsRejectedWithFileAndLine() {
        RulePack broken = withTax("""
                package t;
                rule "Broken"
                when
                    $c : NoSuchFact()
                then
                end
                """);
        assertThatThrownBy(() -> RulePackCompiler.compile(broken))
                .isInstanceOf(RulePackCompilationException.class)
                .satisfies(e -> assertThat(((RulePackCompilationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("rules/tax.drl line ").contains("NoSuchFact")));
    }

    @Test
    void drlThatPassesValidationButDoesNotCompileIsRejectedWithFileAndLine() {
        RulePack wrongType = withTax("""
                package t;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.TaxOutput tax;
                rule "Rate as text"
                when $c : Charge() then tax.rate($c, "19", "VAT 19%"); end
                """);
        assertThatThrownBy(() -> RulePackCompiler.compile(wrongType))
                .isInstanceOf(RulePackCompilationException.class)
                .satisfies(e -> assertThat(((RulePackCompilationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("rules/tax.drl line 4: ")
                                .contains("The method rate(Charge, BigDecimal, String)")));
    }

    @Test
    void aRuleThatChangesWorkingMemoryIsRejectedBeforeItCanLoop() {
        RulePack looping = withTax("""
                package t;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.TaxOutput tax;
                rule "Loops forever"
                when $c : Charge() then update($c); end
                """);
        assertThatThrownBy(() -> service.decide(looping, proFor(1)))
                .isInstanceOf(RulePackCompilationException.class)
                .satisfies(e -> assertThat(((RulePackCompilationException) e).problems()).containsExactly(
                        "rules/tax.drl line 5: update is not allowed: rules must not change the facts the engine "
                                + "matches; record results through their category's output (pricing, change, rating, "
                                + "discount, tax or standing), "
                                + "e.g. tax.rate($charge, rate, label)"));
    }

    @Test
    void aRuleThatMatchesTooManyCombinationsIsStoppedByTheFiringCap() {
        RulePack everyPair = withTax("""
                package t;
                import java.math.BigDecimal;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.TaxOutput tax;
                rule "Every pair of charges"
                when $c : Charge() $other : Charge() then tax.rate($c, BigDecimal.ZERO, "none"); end
                """);
        // 101 charges make 10,201 pairs, more than one stage may fire
        assertThatThrownBy(() -> service.decide(everyPair, questionWith(periods(101))))
                .isInstanceOf(DecisionException.class)
                .hasMessageContaining("tax rules fired " + DecisionService.MAX_FIRINGS_PER_STAGE + " times");
    }

    @Test
    void aFailingActionFailsTheDecision() {
        RulePack anyPlan = TestPacks.withPricingOnly("""
                package t;
                import org.ratebook.rules.fact.CatalogPlan;
                import org.ratebook.rules.fact.SubscriptionPeriod;
                global org.ratebook.rules.decision.PricingOutput pricing;
                rule "Any plan will do"
                when $p : SubscriptionPeriod() $plan : CatalogPlan( code == "Pro" )
                then pricing.recurring($p, $plan); end
                """);
        InvoiceQuestion usd = new InvoiceQuestion(new BillingAccount("acc-2", "USD", "US"), LocalDate.of(2026, 1, 1),
                List.of(new SubscriptionPeriod("sub-2", "Pro", 1, "USD", LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 2, 1))));
        assertThatThrownBy(() -> service.decide(anyPlan, usd))
                .rootCause()
                .isInstanceOf(DecisionException.class)
                .hasMessage("rule 'Any plan will do' priced a USD subscription with a EUR price");
    }

    @Test
    void aStageThatRunsPastItsTimeLimitIsHaltedWithAClearMessage() throws InterruptedException {
        DecisionService impatient = new DecisionService(compiler, Duration.ofMillis(200));
        RulePack comparesEveryPair = TestPacks.withPricingOnly(pairwiseComparisons(20));
        assertThat(new DrlValidator().validate(comparesEveryPair.sources().getFirst())).isEmpty();
        compiler.compiled(comparesEveryPair); // compiling is not part of the limit

        long start = System.nanoTime();
        // 20 rules × 2,000 × 2,000 periods: 80 million comparisons, many seconds of work
        assertThatThrownBy(() -> impatient.decide(comparesEveryPair, questionWith(periods(2_000))))
                .isInstanceOf(DecisionException.class)
                .hasMessageStartingWith("pricing rules did not finish within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        // halting takes effect between rules, so the worker stops soon after, even if it was abandoned
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (impatient.overdueStages() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(impatient.overdueStages()).isZero();
    }

    @Test
    void packsWithIdenticalContentShareOneCompiledForm() {
        RulePack a = RulePackLoader.defaultPack();
        RulePack b = RulePackLoader.defaultPack().withVersion(7);
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
        assertThat(compiler.compiled(a)).isSameAs(compiler.compiled(b));
        assertThat(compiler.cachedCount()).isEqualTo(1);

        RulePack changed = withTax(RulePackLoader.defaultPack().sources(RuleCategory.TAX).getFirst().text()
                .replace("No tax configured for the seller", "Renamed"));
        assertThat(changed.contentHash()).isNotEqualTo(a.contentHash());
    }

    private InvoiceQuestion questionWith(List<SubscriptionPeriod> periods) {
        return new InvoiceQuestion(account, LocalDate.of(2026, 1, 1), periods);
    }

    private static List<SubscriptionPeriod> periods(int count) {
        return IntStream.range(0, count).mapToObj(i -> new SubscriptionPeriod("sub-" + i, "Pro", i + 1, "EUR",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))).toList();
    }

    /** Rules that compare every pair of periods and never match: pure matching work, no firings. */
    private static String pairwiseComparisons(int rules) {
        StringBuilder drl = new StringBuilder("""
                package t;
                import org.ratebook.rules.fact.SubscriptionPeriod;
                """);
        for (int r = 0; r < rules; r++) {
            drl.append("""
                    rule "Compare every pair %d"
                    when
                        $a : SubscriptionPeriod()
                        $b : SubscriptionPeriod(
                                from.plusDays(quantity).isBefore($a.from().minusDays($a.quantity() + %d)) )
                    then
                    end
                    """.formatted(r, r));
        }
        return drl.toString();
    }
}
