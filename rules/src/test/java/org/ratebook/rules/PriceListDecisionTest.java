package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackExport;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.safety.DrlValidator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Price lists chosen by rule or named by the subscription, and prices kept from sign-up, through real Drools. */
class PriceListDecisionTest {

    private static final LocalDate FEB = LocalDate.of(2027, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2027, 3, 1);

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));

    private static CatalogPlan row(String plan, String price, String list) {
        return new CatalogPlan(plan, "Hosting", "EUR", new BigDecimal(price), BillingPeriod.MONTHLY,
                BillingMode.IN_ADVANCE, null, null, list, null);
    }

    private static final String RULES = """
            package test.pricing;
            import org.ratebook.rules.fact.BillingAccount;
            import org.ratebook.rules.fact.SubscriptionPeriod;
            global org.ratebook.rules.decision.PricingOutput pricing;
            rule "Education customers buy from the EDU price list"
            when
                BillingAccount( segment == "education" )
                $period : SubscriptionPeriod( )
            then
                pricing.buyFrom($period, "EDU");
            end
            rule "Existing subscribers keep their price for their first 3 months"
            when
                $period : SubscriptionPeriod( signedOn != null )
            then
                pricing.keepSignedPriceForMonths($period, 3);
            end
            """;

    private static RulePack pack(String extraRules, CatalogPlan... rows) {
        RulePack shipped = RulePackLoader.defaultPack();
        List<DrlSource> sources = new ArrayList<>(shipped.sources());
        if (extraRules != null) {
            sources.add(new DrlSource(RuleCategory.PRICING, "rules/pricing-lists.drl", extraRules));
        }
        return new RulePack("lists", 2, List.of(rows), sources);
    }

    private static BillingAccount account(String segment) {
        return new BillingAccount("acc-1", "EUR", "DE", null, false, null, false, false, null, segment);
    }

    private static SubscriptionPeriod feb(String plan, String priceList, LocalDate signedOn, List<CatalogPlan> signed) {
        return new SubscriptionPeriod("sub-1", plan, 1, "EUR", FEB, MAR, CatalogPlan.EVERGREEN, FEB, MAR, 1, 1,
                priceList, signedOn, signed);
    }

    private DecidedLine only(RulePack pack, BillingAccount account, SubscriptionPeriod period) {
        InvoiceDecision decision = service.decide(pack, new InvoiceQuestion(account, FEB, List.of(period)));
        assertThat(decision.lines()).hasSize(1);
        return decision.lines().getFirst();
    }

    private final RulePack lists = pack(RULES, row("Starter", "19.00", null), row("Pro", "49.00", null),
            row("Starter", "12.00", "EDU"), row("Pro", "39.00", "ENTERPRISE"));

    @Test
    void anEducationCustomerIsPricedFromTheEduListAndTheLineNamesTheListAndTheRule() {
        DecidedLine line = only(lists, account("education"), feb("Starter", null, null, null));

        assertThat(line.amount()).isEqualByComparingTo("12.00");
        assertThat(line.description()).isEqualTo("Hosting Starter (monthly, in advance), EDU price list");
        assertThat(line.rules()).containsExactly("Recurring plan price from the catalog",
                "Education customers buy from the EDU price list", "No tax configured for the seller");
    }

    @Test
    void aPlanTheChosenListDoesNotPriceFallsBackToDefaultAndSaysSo() {
        DecidedLine line = only(lists, account("education"), feb("Pro", null, null, null));

        assertThat(line.amount()).isEqualByComparingTo("49.00");
        assertThat(line.description()).isEqualTo("Hosting Pro (monthly, in advance), DEFAULT price list (EDU has no price)");
    }

    @Test
    void aSubscriptionsOwnPriceListWinsOverTheRules() {
        DecidedLine line = only(lists, account("education"), feb("Pro", "ENTERPRISE", null, null));

        assertThat(line.amount()).isEqualByComparingTo("39.00");
        assertThat(line.description()).isEqualTo("Hosting Pro (monthly, in advance), ENTERPRISE price list");
    }

    @Test
    void aCustomerInNoSegmentPaysTheDefaultPriceWithTheUsualDescription() {
        DecidedLine line = only(lists, account(null), feb("Starter", null, null, null));

        assertThat(line.amount()).isEqualByComparingTo("19.00");
        assertThat(line.description()).isEqualTo("Hosting Starter (monthly, in advance), DEFAULT price list");
        assertThat(line.rules()).containsExactly("Recurring plan price from the catalog",
                "No tax configured for the seller");
    }

    @Test
    void aSignedUpPriceIsKeptWithinTheMonthsTheRuleGivesAndOnlyWhenLower() {
        RulePack risen = pack(RULES, row("Starter", "25.00", null));
        List<CatalogPlan> signed = List.of(row("Starter", "19.00", null));

        DecidedLine within = only(risen, account(null), feb("Starter", null, LocalDate.of(2027, 1, 1), signed));
        assertThat(within.amount()).isEqualByComparingTo("19.00");
        assertThat(within.description()).isEqualTo("Hosting Starter (monthly, in advance), price of 1 January 2027 kept");
        assertThat(within.rules()).containsExactly("Recurring plan price from the catalog",
                "Existing subscribers keep their price for their first 3 months", "No tax configured for the seller");

        // signed 1 October 2026: three months end on 1 January 2027, before the February period
        DecidedLine after = only(risen, account(null), feb("Starter", null, LocalDate.of(2026, 10, 1), signed));
        assertThat(after.amount()).isEqualByComparingTo("25.00");

        RulePack cut = pack(RULES, row("Starter", "15.00", null));
        DecidedLine cheaper = only(cut, account(null), feb("Starter", null, LocalDate.of(2027, 1, 1), signed));
        assertThat(cheaper.amount()).isEqualByComparingTo("15.00");
        assertThat(cheaper.description()).isEqualTo("Hosting Starter (monthly, in advance)");
    }

    @Test
    void withoutAKeepingRuleEveryonePaysTheNewPrice() {
        RulePack risen = pack(null, row("Starter", "25.00", null));
        DecidedLine line = only(risen, account(null), feb("Starter", null, LocalDate.of(2027, 1, 1),
                List.of(row("Starter", "19.00", null))));

        assertThat(line.amount()).isEqualByComparingTo("25.00");
    }

    @Test
    void twoRulesChoosingDifferentListsForOneSpanIsAnErrorOfThePack() {
        RulePack conflicting = pack(RULES + """
                rule "Everyone buys from the ENTERPRISE list"
                when
                    $period : SubscriptionPeriod( )
                then
                    pricing.buyFrom($period, "ENTERPRISE");
                end
                """, row("Starter", "19.00", null), row("Starter", "12.00", "EDU"));

        assertThatThrownBy(() -> only(conflicting, account("education"), feb("Starter", null, null, null)))
                .hasRootCauseInstanceOf(DecisionException.class).hasMessageContaining("chose different price lists");
    }

    @Test
    void theRulesUsingSegmentsListsAndSignedPricesPassTheSafetyCheck() {
        assertThat(new DrlValidator().validate(new DrlSource(RuleCategory.PRICING, "rules/pricing-lists.drl", RULES))).isEmpty();
    }

    @Test
    void aPriceListMayOnlyPriceAPlanTheDefaultListDefines() {
        assertThatThrownBy(() -> pack(null, row("Starter", "19.00", null), row("Gold", "99.00", "EDU")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("price list EDU prices plan Gold");
    }

    @Test
    void priceListsAndProductTypesRoundTripThroughTheFolderAndEnterTheHashOnlyWhenUsed() {
        CatalogPlan addOn = new CatalogPlan("Backup", "Backup", "EUR", new BigDecimal("5.00"), BillingPeriod.MONTHLY,
                BillingMode.IN_ADVANCE, null, null, null, ProductType.ADD_ON);
        RulePack withLists = pack(null, row("Starter", "19.00", null), row("Starter", "12.00", "EDU"), addOn);
        RulePack without = pack(null, row("Starter", "19.00", null));
        RulePack asBefore = new RulePack("lists", 2, List.of(new CatalogPlan("Starter", "Hosting", "EUR",
                new BigDecimal("19.00"), BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE)), without.sources());

        assertThat(without.contentHash()).isEqualTo(asBefore.contentHash());
        assertThat(withLists.contentHash()).isNotEqualTo(pack(null, row("Starter", "19.00", null),
                row("Starter", "12.00", "EDU"), new CatalogPlan("Backup", "Backup", "EUR", new BigDecimal("5.00"),
                        BillingPeriod.MONTHLY, BillingMode.IN_ADVANCE)).contentHash());
        assertThat(RulePackExport.files(without).get("catalog/plans.csv"))
                .startsWith("plan,product,currency,price,billing_period,billing_mode,phase,duration\n");
        String csv = RulePackExport.files(withLists).get("catalog/plans.csv");
        assertThat(csv).startsWith("plan,product,currency,price,billing_period,billing_mode,phase,duration,"
                + "price_list,product_type\n").contains(",EDU,BASE").contains(",,ADD_ON");
    }
}
