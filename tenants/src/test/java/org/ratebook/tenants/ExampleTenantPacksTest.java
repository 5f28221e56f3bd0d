package org.ratebook.tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example tenants' packs under {@code tenants/packs/} load, pass the DRL validator and compile, and tax and
 * discount a typical invoice of each tenant as their tables say.
 */
class ExampleTenantPacksTest {

    private static final Path PACKS = Path.of("packs");
    private static final LocalDate MARCH_2026 = LocalDate.of(2026, 3, 1);
    private final RulePackCompiler compiler = new RulePackCompiler(Clock.systemUTC());
    private final DecisionService decisions = new DecisionService(compiler);

    @Test
    void thereAreTheHostingMspAndSaasPacks() throws IOException {
        try (Stream<Path> folders = Files.list(PACKS)) {
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hosting", "msp", "saas");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosting", "msp", "saas"})
    void eachPackValidatesCompilesAndHasTaxAndDiscountPolicies(String tenant) {
        RulePack pack = RulePackLoader.fromDirectory(PACKS.resolve(tenant), 1);
        assertThat(RulePackCompiler.compile(pack).kieBase(RuleCategory.TAX)).isPresent();
        assertThat(RulePackCompiler.compile(pack).kieBase(RuleCategory.DISCOUNT)).isPresent();
        assertThat(pack.tables().texts()).containsKeys(PackTables.TAX_RATES, PackTables.COUPONS);
        assertThat(pack.tables().taxRates()).isNotEmpty();
    }

    @Test
    void theHostingProviderChargesAFrenchConsumerFrenchVatAndTakesItsVolumeDiscount() {
        InvoiceDecision decision = decide("hosting", new BillingAccount("a", "EUR", "FR"), new Seller("DE", "DE811907980"),
                period("VPS-M", 5, "EUR"));
        // 5 × 19.90 = 99.50, 5% off = 4.98 (4.975), 94.52 taxed at 20% = 18.90
        assertThat(lines(decision)).containsExactly("RECURRING 99.50 tax 19.90", "DISCOUNT -4.98 tax -1.00");
    }

    @Test
    void theMspBundlesBackupWithMonitoringAndReverseChargesABelgianBusiness() {
        BillingAccount belgian = new BillingAccount("a", "EUR", "BE", null, true, "BE0403170701", true, false, null);
        InvoiceDecision decision = decide("msp", belgian, new Seller("NL", "NL004495445B01"),
                period("Backup", 10, "EUR"), period("Monitoring", 10, "EUR"));
        assertThat(lines(decision)).containsExactly("RECURRING 80.00 tax 0.00", "RECURRING 40.00 tax 0.00",
                "DISCOUNT -12.00 tax 0.00", "DISCOUNT -6.00 tax 0.00");
        assertThat(decision.lines()).allSatisfy(l -> assertThat(l.taxLabel()).startsWith("Reverse charge"));
    }

    @Test
    void theSaasChargesTexasSalesTaxByTheCustomersStateAndNothingInOregon() {
        Seller texan = new Seller("US", null);
        BillingAccount austin = new BillingAccount("a", "USD", "US", "TX", true, null, false, false, null);
        BillingAccount portland = new BillingAccount("a", "USD", "US", "OR", true, null, false, false, null);
        assertThat(lines(decide("saas", austin, texan, period("Business", 2, "USD"))))
                .containsExactly("RECURRING 90.00 tax 5.63");
        assertThat(lines(decide("saas", portland, texan, period("Business", 2, "USD"))))
                .containsExactly("RECURRING 90.00 tax 0.00");
    }

    @Test
    void theSaasSellsEducationCustomersFromItsEduPriceListAndPrioritySupportAsAnAddOn() {
        Seller texan = new Seller("US", null);
        BillingAccount school = new BillingAccount("a", "USD", "US", "OR", true, null, false, false, null,
                "education");
        // 2 seats of Business at the EDU price: 2 x 22.50
        InvoiceDecision decision = decide("saas", school, texan, period("Business", 2, "USD"));
        assertThat(lines(decision)).containsExactly("RECURRING 45.00 tax 0.00");
        assertThat(decision.lines().getFirst().description()).endsWith(", EDU price list");
        RulePack pack = RulePackLoader.fromDirectory(PACKS.resolve("saas"), 1);
        assertThat(pack.plan("Priority-Support", "USD").orElseThrow().productType())
                .isEqualTo(org.ratebook.rules.fact.ProductType.ADD_ON);
    }

    @Test
    void theMspRemindsAtFiveDaysAndSuspendsAtTwentyOneOnlyWithEur250Overdue() {
        RulePack msp = RulePackLoader.fromDirectory(PACKS.resolve("msp"), 1);
        assertThat(msp.tables().dunningThresholds()).hasSize(4);
        assertThat(decisions.decideStanding(msp, overdue(4, "900.00")).state())
                .isEqualTo(org.ratebook.rules.fact.DunningState.GOOD);
        org.ratebook.rules.decision.StandingDecision reminded = decisions.decideStanding(msp, overdue(5, "40.00"));
        assertThat(reminded.state()).isEqualTo(org.ratebook.rules.fact.DunningState.REMINDED);
        assertThat(reminded.rules()).containsExactly("A threshold of the seller's dunning table is reached");
        // 21 days past due: suspended with EUR 250.00 overdue, only warned (14 days) with EUR 249.99
        assertThat(decisions.decideStanding(msp, overdue(21, "250.00")).state())
                .isEqualTo(org.ratebook.rules.fact.DunningState.SUSPENDED);
        assertThat(decisions.decideStanding(msp, overdue(21, "249.99")).state())
                .isEqualTo(org.ratebook.rules.fact.DunningState.WARNED);
    }

    /** An EUR account with one invoice {@code days} past due, {@code amount} overdue, on 14 April 2026. */
    private static org.ratebook.rules.fact.AccountStanding overdue(int days, String amount) {
        LocalDate today = LocalDate.of(2026, 4, 14);
        return new org.ratebook.rules.fact.AccountStanding("a", "EUR", today, today.minusDays(days), days,
                new java.math.BigDecimal(amount), 1, new java.math.BigDecimal(amount), 1, null, null);
    }

    private InvoiceDecision decide(String tenant, BillingAccount account, Seller seller, SubscriptionPeriod... periods) {
        RulePack pack = RulePackLoader.fromDirectory(PACKS.resolve(tenant), 1);
        return decisions.decide(pack, new InvoiceQuestion(account, MARCH_2026, List.of(periods), seller, List.of()));
    }

    private static SubscriptionPeriod period(String plan, int quantity, String currency) {
        return new SubscriptionPeriod("sub-" + plan, plan, quantity, currency, MARCH_2026, MARCH_2026.plusMonths(1));
    }

    private static List<String> lines(InvoiceDecision decision) {
        return decision.lines().stream().map(l -> l.itemType() + " " + l.amount().toPlainString() + " tax "
                + l.taxAmount().toPlainString()).toList();
    }
}
