package org.ratebook.rules.rating;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.TestPacks;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.TransactionAmounts;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage priced through the default pack's overage rule, the way the billing run asks. */
class UsageDecisionTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    private final BillingAccount account = new BillingAccount("acc-1", "EUR", "DE");

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static UsageCharge graduatedApiCalls(String commitment) {
        return new UsageCharge("api-pro", "API calls", "Pro", "api_calls", "EUR", ChargeModel.GRADUATED, null, null,
                null, 0, null, null, null, null, d(commitment), null);
    }

    private static final List<UsageTier> PEER_TIERS = List.of(
            new UsageTier("api-pro", d("0"), d("10"), d("10"), d("2"), null, null),
            new UsageTier("api-pro", d("11"), d("20"), d("5"), d("3"), null, null),
            new UsageTier("api-pro", d("21"), null, d("5"), d("3"), null, null));

    private static RulePack packWith(List<UsageCharge> charges, List<UsageTier> tiers) {
        RulePack base = RulePackLoader.defaultPack();
        return new RulePack(base.name(), base.version(), base.plans(), base.sources(), base.dayCount(),
                base.rounding(), charges, tiers);
    }

    private static UsagePeriod march(String quantity, long events) {
        return new UsagePeriod("sub-1", "Pro", "api_calls", "call", "EUR", MARCH, APRIL, d(quantity), events);
    }

    private InvoiceQuestion question(UsagePeriod... usage) {
        return new InvoiceQuestion(account, APRIL, List.of(new SubscriptionPeriod("sub-1", "Pro", 1, "EUR", APRIL,
                LocalDate.of(2026, 5, 1))), List.of(usage));
    }

    @Test
    void usageBecomesAUsageLineAfterThePlanWithItsMeterTiersAndEventsAndTheRuleThatPricedIt() {
        InvoiceDecision decision = service.decide(packWith(List.of(graduatedApiCalls(null)), PEER_TIERS),
                question(march("21", 7)));

        assertThat(decision.lines()).extracting(DecidedLine::itemType).containsExactly("RECURRING", "USAGE");
        DecidedLine usage = decision.lines().get(1);
        assertThat(usage.amount()).isEqualByComparingTo("163.00").satisfies(a -> assertThat(a.scale()).isEqualTo(2));
        assertThat(usage.description()).isEqualTo("API calls (graduated tiers)");
        assertThat(usage.from()).isEqualTo(MARCH);
        assertThat(usage.to()).isEqualTo(APRIL);
        assertThat(usage.quantity()).isEqualByComparingTo("21");
        assertThat(usage.meter()).isEqualTo("api_calls");
        assertThat(usage.unit()).isEqualTo("call");
        assertThat(usage.transactions()).isEqualTo(7);
        assertThat(usage.tiers()).extracting(TierCharge::label).containsExactly("tier 1", "tier 2", "tier 3");
        assertThat(usage.rules()).containsExactly("Usage priced by the plan's charge table",
                "No tax configured for the seller");
        assertThat(decision.trace().fired()).extracting(f -> f.category().name())
                .containsExactly("PRICING", "OVERAGE", "TAX", "TAX");
        assertThat(decision.lines().getFirst().meter()).isNull();
    }

    @Test
    void usageIsTaxedLikeEveryOtherCharge() {
        RulePack taxed = TestPacks.withTax("""
                package t;
                import java.math.BigDecimal;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.TaxOutput tax;
                rule "German VAT"
                when $c : Charge() then tax.rate($c, new BigDecimal("19"), "VAT 19 %"); end
                """);
        RulePack pack = new RulePack(taxed.name(), 1, taxed.plans(),
                java.util.stream.Stream.concat(taxed.sources().stream(),
                        RulePackLoader.defaultPack().sources(org.ratebook.rules.pack.RuleCategory.OVERAGE).stream())
                        .toList(), taxed.dayCount(), taxed.rounding(), List.of(graduatedApiCalls(null)), PEER_TIERS);

        DecidedLine usage = service.decide(pack, question(march("10", 1))).lines().get(1);

        assertThat(usage.amount()).isEqualByComparingTo("102.00");
        assertThat(usage.taxAmount()).isEqualByComparingTo("19.38");
    }

    @Test
    void aShortfallUnderTheCommitmentIsChargedAsATrueUpLine() {
        InvoiceDecision decision = service.decide(packWith(List.of(graduatedApiCalls("150")), PEER_TIERS),
                question(march("11", 3)));

        assertThat(decision.lines()).extracting(DecidedLine::itemType, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECURRING", "49.00"),
                        org.assertj.core.groups.Tuple.tuple("USAGE", "110.00"),
                        org.assertj.core.groups.Tuple.tuple("TRUE_UP", "40.00"));
        DecidedLine trueUp = decision.lines().get(2);
        assertThat(trueUp.description()).isEqualTo("API calls commitment true-up (minimum 150)");
        assertThat(trueUp.meter()).isEqualTo("api_calls");
        assertThat(trueUp.from()).isEqualTo(MARCH);
    }

    @Test
    void usageAboveTheCommitmentHasNoTrueUp() {
        InvoiceDecision decision = service.decide(packWith(List.of(graduatedApiCalls("150")), PEER_TIERS),
                question(march("21", 3)));
        assertThat(decision.lines()).extracting(DecidedLine::itemType).containsExactly("RECURRING", "USAGE");
    }

    @Test
    void lateUsageReRatesThePeriodAndChargesOnlyTheDifferenceNamingThePeriod() {
        // March was billed at 11 calls (110.00); three more arrived late: 14 calls cost 125.00
        UsagePeriod late = new UsagePeriod("sub-1", "Pro", "api_calls", "call", "EUR", MARCH, APRIL, d("14"), 5,
                TransactionAmounts.NONE, d("110.00"), d("11"), null);

        InvoiceDecision decision = service.decide(packWith(List.of(graduatedApiCalls(null)), PEER_TIERS),
                question(late));

        DecidedLine adjustment = decision.lines().get(1);
        assertThat(adjustment.itemType()).isEqualTo("ADJUSTMENT");
        assertThat(adjustment.amount()).isEqualByComparingTo("15.00");
        assertThat(adjustment.description())
                .isEqualTo("Adjustment of API calls for 1 March 2026 to 31 March 2026 (re-rated 14 call, billed before 11)");
        assertThat(adjustment.from()).isEqualTo(MARCH);
        assertThat(adjustment.quantity()).isEqualByComparingTo("14");
        assertThat(adjustment.transactions()).isEqualTo(5);
    }

    @Test
    void aCorrectionDownwardsIsANegativeAdjustmentAndTheCommitmentStillHolds() {
        // billed 110.00 usage + 40.00 true-up for a 150 commitment; corrected to 1 call: still 150 in all
        UsagePeriod corrected = new UsagePeriod("sub-1", "Pro", "api_calls", "call", "EUR", MARCH, APRIL, d("1"), 4,
                TransactionAmounts.NONE, d("150.00"), d("11"), null);
        assertThat(service.decide(packWith(List.of(graduatedApiCalls("150")), PEER_TIERS), question(corrected))
                .lines()).extracting(DecidedLine::itemType).containsExactly("RECURRING");

        UsagePeriod withoutCommitment = new UsagePeriod("sub-1", "Pro", "api_calls", "call", "EUR", MARCH, APRIL,
                d("1"), 4, TransactionAmounts.NONE, d("110.00"), d("11"), null);
        DecidedLine credit = service.decide(packWith(List.of(graduatedApiCalls(null)), PEER_TIERS),
                question(withoutCommitment)).lines().get(1);
        assertThat(credit.amount()).isEqualByComparingTo("-98.00");
    }

    @Test
    void usageOfAMeterThePlanDoesNotChargeGetsNoLine() {
        UsagePeriod other = new UsagePeriod("sub-1", "Pro", "backup_gb", "GB", "EUR", MARCH, APRIL, d("5"), 1);
        assertThat(service.decide(packWith(List.of(graduatedApiCalls(null)), PEER_TIERS), question(other)).lines())
                .extracting(DecidedLine::itemType).containsExactly("RECURRING");
    }

    @Test
    void theTraceSummarisesTransactionAmountsInsteadOfListingThem() {
        UsageCharge payments = new UsageCharge("pay", "Payments", "Pro", "payments", "EUR", ChargeModel.PERCENTAGE,
                null, null, null, 0, d("1"), d("0.10"), d("0.50"), null, null, null);
        UsagePeriod period = new UsagePeriod("sub-1", "Pro", "payments", "EUR", "EUR", MARCH, APRIL, d("110"), 2,
                TransactionAmounts.inOrder(List.of(d("10"), d("100"))), null, null, null);

        InvoiceDecision decision = service.decide(packWith(List.of(payments), List.of()), question(period));

        assertThat(decision.lines().get(1).amount()).isEqualByComparingTo("1.60"); // 0.50 + 1.10
        assertThat(decision.trace().fired().get(1).matched())
                .anySatisfy(fact -> assertThat(fact).contains("transactions=2 amounts").doesNotContain("[10, 100]"));
    }
}
