package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.CouponDuration;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.TaxRounding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standard pack's discount policy: coupons, volume and bundle discounts, settled in a fixed order before tax. */
class DiscountDecisionTest {

    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);
    private static final BillingAccount GERMAN_CONSUMER = new BillingAccount("acc", "EUR", "DE");

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));

    private static SubscriptionPeriod period(String subscription, String plan, int quantity) {
        return new SubscriptionPeriod(subscription, plan, quantity, "EUR", JAN_2026, JAN_2026.plusMonths(1));
    }

    private static RedeemedCoupon percent(String code, String value, int used, String... plans) {
        return new RedeemedCoupon(new Coupon(code, DiscountKind.PERCENT, new BigDecimal(value), null,
                CouponDuration.REPEATING, 3, List.of(plans), null), JAN_2026.minusDays(3), used);
    }

    private static RedeemedCoupon fixed(String code, String value) {
        return new RedeemedCoupon(new Coupon(code, DiscountKind.FIXED, new BigDecimal(value), "EUR",
                CouponDuration.ONCE, 0, List.of(), null), JAN_2026.minusDays(3), 0);
    }

    private InvoiceDecision decide(RulePack pack, List<SubscriptionPeriod> periods, RedeemedCoupon... coupons) {
        return service.decide(pack, new InvoiceQuestion(GERMAN_CONSUMER, JAN_2026, periods, new Seller("DE", null),
                List.of(coupons)));
    }

    private static List<String> describe(InvoiceDecision decision) {
        return decision.lines().stream().map(l -> l.lineNo() + " " + l.itemType() + " " + l.description() + " "
                + l.amount().toPlainString() + " tax " + l.taxAmount().toPlainString()
                + (l.discountOf() == null ? "" : " of " + l.discountOf())).toList();
    }

    private static BigDecimal total(InvoiceDecision decision) {
        return decision.lines().stream().map(l -> l.amount().add(l.taxAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aPercentageCouponIsANegativeLineTaxedLikeTheLineItDiscounts() {
        InvoiceDecision decision = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 1)),
                percent("WELCOME20", "20", 0));
        // 49.00 - 9.80 = 39.20 paid; its tax 7.448 rounds to 7.45, so the discount takes 9.31 - 7.45 = 1.86 of tax
        assertThat(describe(decision)).containsExactly(
                "1 RECURRING Hosting Pro (monthly, in advance) 49.00 tax 9.31",
                "2 DISCOUNT Coupon WELCOME20: 20% off -9.80 tax -1.86 of 1");
        assertThat(decision.lines().get(1).coupon()).isEqualTo("WELCOME20");
        assertThat(decision.lines().get(1).taxLabel()).isEqualTo("VAT 19%");
        assertThat(decision.lines().get(1).rules()).containsExactly("Percentage coupon on the plans it covers");
        assertThat(total(decision)).isEqualByComparingTo("46.65");
    }

    @Test
    void aFixedCouponLargerThanTheInvoiceTakesItToZeroNotBelow() {
        InvoiceDecision decision = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 1)), fixed("BIG", "100"));
        assertThat(describe(decision)).containsExactly(
                "1 RECURRING Hosting Pro (monthly, in advance) 49.00 tax 9.31",
                "2 DISCOUNT Coupon BIG: EUR 100 off -49.00 tax -9.31 of 1");
        assertThat(total(decision)).isEqualByComparingTo("0.00");
    }

    @Test
    void aFixedCouponIsTakenOncePerInvoiceOverTheChargesInLineOrder() {
        InvoiceDecision decision = decide(StandardPack.shipped(),
                List.of(period("s1", "Starter", 1), period("s2", "Pro", 1)), fixed("TWENTYFIVE", "25.00"));
        assertThat(decision.lines()).filteredOn(l -> l.itemType().equals("DISCOUNT"))
                .extracting(l -> l.discountOf() + ":" + l.amount().toPlainString())
                .containsExactly("1:-19.00", "2:-6.00");
    }

    @Test
    void aCouponRestrictedToPlansLeavesOtherPlansAlone() {
        InvoiceDecision decision = decide(StandardPack.shipped(),
                List.of(period("s1", "Starter", 1), period("s2", "Pro", 1)), percent("PROONLY", "50", 0, "Pro"));
        assertThat(decision.lines()).filteredOn(l -> l.itemType().equals("DISCOUNT"))
                .extracting(l -> l.discountOf() + ":" + l.amount().toPlainString()).containsExactly("2:-24.50");
    }

    @Test
    void aCouponThatHasUsedAllItsPeriodsDiscountsNothing() {
        InvoiceDecision decision = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 1)),
                percent("WELCOME20", "20", 3));
        assertThat(decision.lines()).extracting(DecidedLine::itemType).containsExactly("RECURRING");
    }

    @Test
    void aVolumeDiscountTakesTheHighestThresholdReached() {
        InvoiceDecision twelve = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 12)));
        InvoiceDecision sixty = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 60)));
        InvoiceDecision nine = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 9)));
        assertThat(describe(twelve)).contains("2 DISCOUNT Volume discount: 10% from 10 seats -58.80 tax -11.17 of 1");
        assertThat(describe(sixty)).contains("2 DISCOUNT Volume discount: 15% from 50 seats -441.00 tax -83.79 of 1");
        assertThat(nine.lines()).hasSize(1);
    }

    @Test
    void aBundleDiscountsBothPlansOnlyWhenTheyAreOnTheSameInvoice() {
        InvoiceDecision both = decide(StandardPack.shipped(),
                List.of(period("s1", "Backup", 1), period("s2", "Monitoring", 1)));
        assertThat(describe(both)).contains(
                "3 DISCOUNT Backup and Monitoring bundle: 15% off Backup -1.50 tax -0.28 of 1",
                "4 DISCOUNT Backup and Monitoring bundle: 15% off Monitoring -0.75 tax -0.14 of 2");
        assertThat(decide(StandardPack.shipped(), List.of(period("s1", "Backup", 1))).lines()).hasSize(1);
    }

    @Test
    void percentagesComeFromTheChargeAndFixedAmountsFromWhatIsLeft() {
        // 12 Pro seats: 588.00; 10% volume = 58.80 and 20% coupon = 117.60, both of 588.00; then EUR 500 fixed
        // takes only the 411.60 that is left
        InvoiceDecision decision = decide(StandardPack.shipped(), List.of(period("s1", "Pro", 12)),
                fixed("FIVEHUNDRED", "500"), percent("WELCOME20", "20", 0));
        assertThat(decision.lines()).filteredOn(l -> l.itemType().equals("DISCOUNT"))
                .extracting(l -> l.description() + " " + l.amount().toPlainString())
                .containsExactly("Volume discount: 10% from 10 seats -58.80", "Coupon WELCOME20: 20% off -117.60",
                        "Coupon FIVEHUNDRED: EUR 500 off -411.60");
        assertThat(total(decision)).isEqualByComparingTo("0.00");
    }

    @Test
    void discountsTaxedPerInvoiceReduceTheTaxableTotalOfTheirRate() {
        RulePack perInvoice = StandardPack.withSettings(StandardPack.shipped(), false, TaxRounding.INVOICE);
        InvoiceDecision decision = decide(perInvoice, List.of(period("s1", "Pro", 1)), percent("WELCOME20", "20", 0));
        // one rate: 39.20 taxable, 7.448 rounds to 7.45; shared out by exact shares 9.31 and -1.862
        assertThat(decision.lines()).extracting(l -> l.taxAmount().toPlainString()).containsExactly("9.31", "-1.86");
        assertThat(total(decision)).isEqualByComparingTo("46.65");
    }

    @Test
    void aPromotionDiscountsInvoicesDatedWhileItRunsAndAddsToACouponsPercentage() {
        RulePack spring = StandardPack.withTable(PackTables.PROMOTIONS, """
                promotion,plans,percent,valid_from,valid_to
                Spring sale,Pro,20,2026-01-01,2026-01-31
                """);
        InvoiceDecision during = decide(spring, List.of(period("s1", "Pro", 1)), percent("WELCOME10", "10", 0));
        assertThat(during.lines()).filteredOn(l -> l.itemType().equals("DISCOUNT"))
                .extracting(l -> l.description() + " " + l.amount().toPlainString())
                .containsExactly("Spring sale: 20% off -9.80", "Coupon WELCOME10: 10% off -4.90");
        InvoiceDecision after = service.decide(spring, new InvoiceQuestion(GERMAN_CONSUMER, LocalDate.of(2026, 2, 1),
                List.of(period("s1", "Pro", 1)), new Seller("DE", null), List.of()));
        assertThat(after.lines()).extracting(DecidedLine::itemType).containsExactly("RECURRING");
    }

    @Test
    void aDiscountRuleAskingForMoreThanAHundredPercentFailsTheDecision() {
        RulePack greedy = withDiscountDrl("""
                package d;
                import java.math.BigDecimal;
                import org.ratebook.rules.fact.Charge;
                global org.ratebook.rules.decision.DiscountOutput discount;
                rule "Pay us to take it"
                when $c : Charge() then discount.percent($c, new BigDecimal("120"), "Too much"); end
                """);
        assertThatThrownBy(() -> decide(greedy, List.of(period("s1", "Pro", 1))))
                .rootCause().isInstanceOf(DecisionException.class)
                .hasMessageContaining("rule 'Pay us to take it' asked for a discount of 120%");
    }

    @Test
    void twoRulesApplyingOneCouponToOneChargeDiscountItOnce() {
        RulePack twice = withDiscountDrl("""
                package d;
                import org.ratebook.rules.fact.Charge;
                import org.ratebook.rules.fact.RedeemedCoupon;
                global org.ratebook.rules.decision.DiscountOutput discount;
                rule "Coupon" when $c : Charge() $r : RedeemedCoupon() then discount.coupon($c, $r); end
                rule "Coupon again" when $c : Charge() $r : RedeemedCoupon() then discount.coupon($c, $r); end
                """);
        InvoiceDecision decision = decide(twice, List.of(period("s1", "Pro", 1)), percent("WELCOME20", "20", 0));
        assertThat(decision.lines()).filteredOn(l -> l.itemType().equals("DISCOUNT")).hasSize(1);
    }

    @Test
    void aMalformedCouponTableIsRefusedWithItsLine() {
        assertThatThrownBy(() -> StandardPack.withTable(PackTables.COUPONS, """
                code,kind,value,currency,duration,plans,expires_on
                SPRING,PERCENT,10,,2 weeks,,
                """)).hasMessage("discount.coupons line 2, column duration: a coupon's duration is 'once', 'forever' or like "
                + "'3 periods', not '2 weeks'");
    }

    private static RulePack withDiscountDrl(String drl) {
        RulePack base = StandardPack.shipped();
        List<DrlSource> sources = new ArrayList<>(base.sources().stream()
                .filter(s -> s.category() != RuleCategory.DISCOUNT).toList());
        sources.add(new DrlSource(RuleCategory.DISCOUNT, "rules/discount.drl", drl));
        return new RulePack(base.name(), 1, base.plans(), sources, base.dayCount(), base.rounding(), base.tables(),
                base.taxSettings());
    }
}
