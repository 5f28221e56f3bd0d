package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.pack.TaxRounding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ratebook.rules.pack.RulePackCompiler.compile;

/** The standard pack's tax policy, decided on real rules with the shipped rate table (or a replaced one). */
class TaxDecisionTest {

    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);
    private static final Seller GERMAN_SELLER = new Seller("DE", "DE811907980");

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));

    private static BillingAccount consumer(String country) {
        return new BillingAccount("acc", "EUR", country);
    }

    private static BillingAccount business(String country, String taxId, boolean valid) {
        return new BillingAccount("acc", "EUR", country, null, true, taxId, valid, false, null);
    }

    private InvoiceDecision pro(RulePack pack, BillingAccount account, LocalDate on) {
        return service.decide(pack, new InvoiceQuestion(account, on, List.of(new SubscriptionPeriod("sub-1", "Pro",
                1, account.currency(), on, on.plusMonths(1))), GERMAN_SELLER, List.of()));
    }

    private static DecidedLine only(InvoiceDecision decision) {
        assertThat(decision.lines()).hasSize(1);
        return decision.lines().getFirst();
    }

    private static final String PINNED_PLAIN_HASH = "14641e674475e09e01bcd08d00760bdfceb26cb1eb4ccb0b885f76511fe6e4fc";

    @Test
    void theStandardPackCompilesAndTheDefaultPackKeepsItsContentHash() {
        assertThat(compile(StandardPack.shipped())).isNotNull();
        // a pack with neither tables nor tax settings hashes as it did before they existed (the value was computed
        // by the code before this feature): its compiled form and the versions that name it stay valid
        org.ratebook.rules.pack.RulePack plain = new org.ratebook.rules.pack.RulePack("pinned", 1,
                java.util.List.of(new org.ratebook.rules.fact.CatalogPlan("Pro", "Hosting", "EUR",
                        new java.math.BigDecimal("49.00"), org.ratebook.rules.fact.BillingPeriod.MONTHLY,
                        org.ratebook.rules.fact.BillingMode.IN_ADVANCE)),
                java.util.List.of(new org.ratebook.rules.pack.DrlSource(org.ratebook.rules.pack.RuleCategory.TAX,
                        "rules/tax.drl", "package t;\n")));
        assertThat(plain.contentHash())
                .isEqualTo(PINNED_PLAIN_HASH);
        assertThat(RulePackLoader.defaultPack().tables().isEmpty()).isTrue();
    }

    @Test
    void tablesAndTaxSettingsChangeTheContentHashOnlyWhenPresentOrNotAtTheirDefaults() {
        RulePack base = RulePackLoader.defaultPack();
        RulePack explicitDefaults = StandardPack.withSettings(base, false, TaxRounding.LINE);
        RulePack perInvoice = StandardPack.withSettings(base, false, TaxRounding.INVOICE);
        RulePack inclusive = StandardPack.withSettings(base, true, TaxRounding.LINE);
        RulePack withRates = StandardPack.with(base, PackTables.TAX_RATES, "country,region,zone,rate,label,valid_from,valid_to\n");
        assertThat(explicitDefaults.contentHash()).isEqualTo(base.contentHash());
        assertThat(List.of(perInvoice.contentHash(), inclusive.contentHash(), withRates.contentHash()))
                .doesNotHaveDuplicates().doesNotContain(base.contentHash());
        // line ends and blanks around cells are not content
        RulePack crlf = StandardPack.with(base, PackTables.TAX_RATES, "country,region,zone,rate,label,valid_from,valid_to\r\n");
        assertThat(crlf.contentHash()).isEqualTo(withRates.contentHash());
    }

    @Test
    void anUnknownTableOrAMalformedRateIsRefusedWithItsLine() {
        assertThatThrownBy(() -> PackTables.of(Map.of("tax.ratez", "")))
                .hasMessageStartingWith("unknown table 'tax.ratez'");
        assertThatThrownBy(() -> PackTables.of(Map.of(PackTables.TAX_RATES, """
                country,region,zone,rate,label,valid_from,valid_to
                DE,,EU,19%,VAT 19%,,
                """))).hasMessage("tax.rates line 2, column rate: rate must be a plain decimal such as 19 or 7.25, "
                        + "not '19%'");
    }

    @Test
    void aGermanConsumerOfAGermanSellerPaysGermanVat() {
        DecidedLine line = only(pro(StandardPack.shipped(), consumer("DE"), JAN_2026));
        assertThat(line.taxAmount()).isEqualByComparingTo("9.31");
        assertThat(line.taxRate()).isEqualByComparingTo("19");
        assertThat(line.taxLabel()).isEqualTo("VAT 19%");
        assertThat(line.rules()).containsExactly("Recurring plan price from the catalog",
                "Tax at the rate of the customer's country");
    }

    @Test
    void aFrenchConsumerPaysFrenchVatWhereverTheSellerIs() {
        DecidedLine line = only(pro(StandardPack.shipped(), consumer("FR"), JAN_2026));
        assertThat(line.taxAmount()).isEqualByComparingTo("9.80");
        assertThat(line.taxLabel()).isEqualTo("VAT 20%");
    }

    @Test
    void aFrenchBusinessWithAValidVatIdIsReverseCharged() {
        DecidedLine line = only(pro(StandardPack.shipped(), business("FR", "FR40303265045", true), JAN_2026));
        assertThat(line.taxAmount()).isEqualByComparingTo("0.00");
        assertThat(line.taxLabel()).startsWith("Reverse charge");
        assertThat(line.rules()).contains("EU B2B reverse charge");
    }

    @Test
    void aFrenchBusinessWhoseVatIdIsNotValidPaysFrenchVat() {
        DecidedLine line = only(pro(StandardPack.shipped(), business("FR", "FR40303265045", false), JAN_2026));
        assertThat(line.taxAmount()).isEqualByComparingTo("9.80");
    }

    @Test
    void aGermanBusinessOfAGermanSellerPaysGermanVatDespiteItsValidVatId() {
        DecidedLine line = only(pro(StandardPack.shipped(), business("DE", "DE136695976", true), JAN_2026));
        assertThat(line.taxAmount()).isEqualByComparingTo("9.31");
    }

    @Test
    void anExemptCustomerPaysNoTaxAndTheLineSaysWhy() {
        BillingAccount charity = new BillingAccount("acc", "EUR", "DE", null, false, null, false, true,
                "charity (§ 4 Nr. 18 UStG)");
        DecidedLine line = only(pro(StandardPack.shipped(), charity, JAN_2026));
        assertThat(line.taxAmount()).isEqualByComparingTo("0.00");
        assertThat(line.taxLabel()).isEqualTo("Tax exempt: charity (§ 4 Nr. 18 UStG)");
        assertThat(line.rules()).containsExactly("Recurring plan price from the catalog", "Tax-exempt customer");
    }

    @Test
    void aRegionalRateWinsOverTheNationalOneAndACountryWithoutRatesIsNotTaxed() {
        RulePack pack = StandardPack.withTable(PackTables.TAX_RATES, """
                country,region,zone,rate,label,valid_from,valid_to
                CA,,,5,GST 5%,,
                CA,QC,,14.975,GST + QST 14.975%,,
                """);
        BillingAccount quebec = new BillingAccount("acc", "EUR", "CA", "QC", false, null, false, false, null);
        BillingAccount ontario = new BillingAccount("acc", "EUR", "CA", "ON", false, null, false, false, null);
        assertThat(only(pro(pack, quebec, JAN_2026)).taxAmount()).isEqualByComparingTo("7.34"); // 7.33775
        assertThat(only(pro(pack, ontario, JAN_2026)).taxAmount()).isEqualByComparingTo("2.45");
        DecidedLine swiss = only(pro(pack, consumer("CH"), JAN_2026));
        assertThat(swiss.taxAmount()).isEqualByComparingTo("0.00");
        assertThat(swiss.rules()).contains("No tax where the seller has no rate for the customer");
    }

    @Test
    void theRateInForceOnTheInvoiceDateApplies() {
        RulePack pack = StandardPack.withTable(PackTables.TAX_RATES, """
                country,region,zone,rate,label,valid_from,valid_to
                DE,,EU,19,VAT 19%,,2020-06-30
                DE,,EU,16,VAT 16%,2020-07-01,2020-12-31
                DE,,EU,19,VAT 19%,2021-01-01,
                """);
        assertThat(only(pro(pack, consumer("DE"), LocalDate.of(2020, 6, 30))).taxLabel()).isEqualTo("VAT 19%");
        assertThat(only(pro(pack, consumer("DE"), LocalDate.of(2020, 7, 1))).taxAmount())
                .isEqualByComparingTo("7.84");
        assertThat(only(pro(pack, consumer("DE"), LocalDate.of(2020, 12, 31))).taxLabel()).isEqualTo("VAT 16%");
        assertThat(only(pro(pack, consumer("DE"), LocalDate.of(2021, 1, 1))).taxLabel()).isEqualTo("VAT 19%");
    }

    @Test
    void withPricesIncludingTaxTheLineAmountIsWhatRemainsAfterTax() {
        RulePack inclusive = StandardPack.withSettings(catalog("Gross", "119.00"), true, TaxRounding.LINE);
        DecidedLine german = only(decide(inclusive, consumer("DE"), "Gross"));
        assertThat(german.amount()).isEqualByComparingTo("100.00");
        assertThat(german.taxAmount()).isEqualByComparingTo("19.00");
        // a reverse-charged customer pays the listed price, with no tax in it
        DecidedLine french = only(decide(inclusive, business("FR", "FR40303265045", true), "Gross"));
        assertThat(french.amount().add(french.taxAmount())).isEqualByComparingTo("119.00");
        assertThat(french.taxAmount()).isEqualByComparingTo("0.00");
    }

    @Test
    void roundingTaxPerInvoiceRoundsOncePerRateAndSharesTheCentsOut() {
        RulePack perLine = catalog("Mailbox", "2.02");
        RulePack perInvoice = StandardPack.withSettings(perLine, false, TaxRounding.INVOICE);
        List<SubscriptionPeriod> three = IntStream.rangeClosed(1, 3).mapToObj(i -> new SubscriptionPeriod("sub-" + i,
                "Mailbox", 1, "EUR", JAN_2026, JAN_2026.plusMonths(1))).toList();
        InvoiceQuestion question = new InvoiceQuestion(consumer("DE"), JAN_2026, three, GERMAN_SELLER, List.of());

        // 2.02 × 19% = 0.3838: 0.38 on each line, 1.14 in all; 6.06 × 19% = 1.1514: 1.15 on the invoice
        assertThat(tax(service.decide(perLine, question))).isEqualByComparingTo("1.14");
        InvoiceDecision decision = service.decide(perInvoice, question);
        assertThat(tax(decision)).isEqualByComparingTo("1.15");
        assertThat(decision.lines()).extracting(DecidedLine::taxAmount).map(BigDecimal::toPlainString)
                .containsExactly("0.39", "0.38", "0.38");
    }

    private static BigDecimal tax(InvoiceDecision decision) {
        return decision.lines().stream().map(DecidedLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private InvoiceDecision decide(RulePack pack, BillingAccount account, String plan) {
        return service.decide(pack, new InvoiceQuestion(account, JAN_2026, List.of(new SubscriptionPeriod("sub-1",
                plan, 1, "EUR", JAN_2026, JAN_2026.plusMonths(1))), GERMAN_SELLER, List.of()));
    }

    /** The standard pack with one more plan at {@code price} EUR a month. */
    private static RulePack catalog(String plan, String price) {
        RulePack base = StandardPack.shipped();
        List<CatalogPlan> plans = new ArrayList<>(base.plans());
        plans.add(new CatalogPlan(plan, "Hosting", "EUR", new BigDecimal(price), BillingPeriod.MONTHLY,
                BillingMode.IN_ADVANCE));
        return new RulePack(base.name(), 1, plans, base.sources(), base.dayCount(), base.rounding(), base.tables(),
                base.taxSettings());
    }
}
