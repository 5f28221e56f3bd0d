package org.ratebook.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratebook.rules.bench.GeneratedPack;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.FiredRule;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.pack.CompiledPack;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated benchmark pack is a correct pack: it compiles, has 300 uniquely named rules written only
 * with plain constraints, and prices and taxes a typical invoice as its tables say. Correctness only; its
 * speed is measured by the benchmarks in {@code bench} ({@code -Pbench}), never here.
 */
class GeneratedPackTest {

    private static RulePack pack;
    private static CompiledPack compiled;
    private static DecisionService service;

    @BeforeAll
    static void compileOnce() {
        pack = GeneratedPack.pack(0);
        RulePackCompiler compiler = new RulePackCompiler(Clock.systemUTC());
        compiled = compiler.compiled(pack);
        service = new DecisionService(compiler);
    }

    @Test
    void hasThreeHundredUniquelyNamedRulesAndThreeHundredPlans() {
        List<String> names = Stream.of(RuleCategory.values())
                .flatMap(c -> compiled.kieBase(c).stream())
                .flatMap(kb -> kb.getKiePackages().stream())
                .flatMap(p -> p.getRules().stream())
                .map(r -> r.getName())
                .toList();
        assertThat(names).hasSize(GeneratedPack.RULES).doesNotHaveDuplicates();
        assertThat(pack.plans()).filteredOn(p -> !p.product().equals("Coupon")).hasSize(300);
        assertThat(compiled.kieBase(RuleCategory.PRICING)).isPresent();
        assertThat(compiled.kieBase(RuleCategory.TAX)).isPresent();
    }

    @Test
    void rulesUseOnlyPlainConstraintsAndTheDecisionsGlobal() {
        Pattern forbidden = Pattern.compile(
                "\\bfunction\\b|\\bupdate\\s*\\(|\\binsert\\w*\\s*\\(|\\bmodify\\b|\\bretract\\b|\\bdelete\\s*\\("
                        + "|\\bfor\\s*\\(|\\bwhile\\b|\\bfrom\\b|\\baccumulate\\b|\\beval\\b|org\\.ratebook\\.");
        for (DrlSource source : pack.sources()) {
            String body = source.text().substring(source.text().indexOf("\nrule "))
                    .replaceAll("\"[^\"]*\"", "\"\""); // rule names and literals may say anything
            assertThat(forbidden.matcher(body).results().map(m -> m.group()).toList())
                    .as(source.name()).isEmpty();
        }
    }

    @Test
    void aGermanInvoiceIsPricedFromTheCatalogCreditedByTheCouponAndTaxedAtNineteenPercent() {
        InvoiceQuestion question = GeneratedPack.invoice(1, "DE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
        InvoiceDecision decision = service.decide(pack, question);

        assertThat(decision.lines()).hasSize(5);
        for (var period : question.periods()) {
            DecidedLine line = line(decision, period.subscriptionId());
            BigDecimal unit = pack.plan(period.plan(), "EUR").orElseThrow().price();
            assertThat(line.amount()).isEqualByComparingTo(unit.multiply(BigDecimal.valueOf(period.quantity())));
            assertThat(line.taxRate()).isEqualByComparingTo("19");
            assertThat(line.taxLabel()).isEqualTo("VAT 19%");
            assertThat(line.rules()).hasSize(2).last()
                    .isEqualTo("Accounts in Germany pay 19% VAT on invoices dated from 2025");
        }
        DecidedLine flat = line(decision, "acc-1-flat");
        String family = pack.plan(question.periods().getFirst().plan(), "EUR").orElseThrow().product();
        assertThat(flat.rules().getFirst())
                .isEqualTo(family + " plans for accounts in DACH are charged at their catalog price");

        DecidedLine coupon = line(decision, "acc-1-coupon");
        assertThat(coupon.amount()).isEqualByComparingTo("-5.00");
        assertThat(coupon.taxAmount()).isEqualByComparingTo("-0.95");
        assertThat(coupon.rules().getFirst())
                .isEqualTo("The SPRING-DACH coupon credits its catalog amount to accounts in DACH");

        assertThat(decision.trace().fired()).extracting(FiredRule::category)
                .containsOnly(RuleCategory.PRICING, RuleCategory.TAX).hasSize(10);
    }

    private static DecidedLine line(InvoiceDecision decision, String subscriptionId) {
        return decision.lines().stream().filter(l -> l.subscriptionId().equals(subscriptionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + subscriptionId));
    }

    @Test
    void aFinnishInvoiceIn2024UsesThatYearsRateAndAnotherTerritorysCouponIsNotRedeemed() {
        String plan = GeneratedPack.planCode("Storage", "Team", BillingPeriod.MONTHLY);
        InvoiceQuestion question = new InvoiceQuestion(
                new org.ratebook.rules.fact.BillingAccount("acc-fi", "EUR", "FI"), LocalDate.of(2024, 6, 1),
                List.of(new org.ratebook.rules.fact.SubscriptionPeriod("sub-1", plan, 2, "EUR",
                                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1)),
                        new org.ratebook.rules.fact.SubscriptionPeriod("sub-2", "SPRING-DACH", 1, "EUR",
                                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1))));
        InvoiceDecision decision = service.decide(pack, question);

        assertThat(decision.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("42.00"); // Storage base 7 × Team 3 × 2 seats
            assertThat(line.taxAmount()).isEqualByComparingTo("10.08"); // 24 %
            assertThat(line.rules()).containsExactly(
                    "Storage plans for accounts in the Nordics are charged at their catalog price",
                    "Accounts in Finland pay 24% VAT on invoices dated in 2024");
        });
    }

    @Test
    void variantsDifferInPricesAndSoInContentHash() {
        RulePack other = GeneratedPack.pack(1);
        assertThat(other.contentHash()).isNotEqualTo(pack.contentHash());
        assertThat(other.sources()).isEqualTo(pack.sources());
        assertThat(other.plan("storage-team-monthly", "EUR").orElseThrow().price()).isEqualByComparingTo("21.02");
    }

    @Test
    void theTypicalInvoiceWithUsageAndACouponIsPricedRatedDiscountedAndTaxed() {
        RulePack withUsage = GeneratedPack.packWithUsage(0);
        InvoiceQuestion question = GeneratedPack.typicalInvoiceWithUsage(0, withUsage);
        InvoiceDecision decision = service.decide(withUsage, question);

        // a German account on hosting-starter-monthly (EUR 4.00) with February's usage: 40,000 API calls (10,000
        // free, 30,000 × 0.0010 = 30.00), 120 GB stored (5 free, 115 × 0.0200 = 2.30), 250 GB egress (3 packages
        // of 100 × 4.00 = 12.00); the DACH coupon takes 10 % off each (0.40, 3.00, 0.23, 1.20)
        assertThat(decision.lines()).extracting(DecidedLine::itemType, DecidedLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RECURRING", new BigDecimal("4.00")),
                org.assertj.core.groups.Tuple.tuple("USAGE", new BigDecimal("30.00")),
                org.assertj.core.groups.Tuple.tuple("USAGE", new BigDecimal("2.30")),
                org.assertj.core.groups.Tuple.tuple("USAGE", new BigDecimal("12.00")),
                org.assertj.core.groups.Tuple.tuple("DISCOUNT", new BigDecimal("-0.40")),
                org.assertj.core.groups.Tuple.tuple("DISCOUNT", new BigDecimal("-3.00")),
                org.assertj.core.groups.Tuple.tuple("DISCOUNT", new BigDecimal("-0.23")),
                org.assertj.core.groups.Tuple.tuple("DISCOUNT", new BigDecimal("-1.20")));
        // 19 % VAT on what each line comes to after its discount: 3.60 → 0.68, 27.00 → 5.13, 2.07 → 0.39,
        // 10.80 → 2.05; 8.25 in all, 51.72 with the net 43.47
        BigDecimal tax = decision.lines().stream().map(DecidedLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal net = decision.lines().stream().map(DecidedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(tax).isEqualByComparingTo("8.25");
        assertThat(net).isEqualByComparingTo("43.47");
        assertThat(decision.lines()).allSatisfy(l -> assertThat(l.taxRate()).isEqualByComparingTo("19"));
    }
}
