package org.ratebook.rules.safety;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.TestPacks;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DrlValidatorTest {

    /** What an analyst would write: literals, field conditions, a comparison, a local variable and an if. */
    private static final String ANALYST_TAX = """
            package ratebook.tax;

            import java.math.BigDecimal;
            import org.ratebook.rules.fact.BillingAccount;
            import org.ratebook.rules.fact.Charge;

            global org.ratebook.rules.decision.TaxOutput tax;

            rule "German VAT 19%"
            when
                $a : BillingAccount( country == "DE" )
                $c : Charge( $a.country() == "DE", amount.compareTo(BigDecimal.ZERO) > 0 )
            then
                BigDecimal rate = new BigDecimal("19");
                String label = "VAT 19%";
                if ($c.amount().compareTo(new BigDecimal("100.00")) >= 0) {
                    label = label + " (large order)"; // shown on the invoice
                }
                tax.rate($c, rate, label);
            end

            rule "No VAT outside Germany"
            when
                BillingAccount( country != "DE" )
                $c : Charge()
            then
                tax.rate($c, BigDecimal.ZERO, "No VAT");
            end
            """;

    private final DrlValidator validator = new DrlValidator();
    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));

    @Test
    void theShippedDefaultPackIsAllowed() {
        assertThat(RulePackLoader.defaultPack().sources()).allSatisfy(s -> assertThat(validator.validate(s)).isEmpty());
    }

    @Test
    void aRealisticAnalystPackIsAllowedAndDecidesCorrectly() {
        RulePack pack = TestPacks.withTax(ANALYST_TAX);
        assertThat(validator.validate(pack.sources(RuleCategory.TAX).getFirst())).isEmpty();

        DecidedLine german = service.decide(pack, pro("DE", 1)).lines().getFirst();
        assertThat(german.taxAmount()).isEqualByComparingTo("9.31");
        assertThat(german.taxLabel()).isEqualTo("VAT 19%");
        assertThat(german.rules()).containsExactly("Recurring plan price from the catalog", "German VAT 19%");

        DecidedLine large = service.decide(pack, pro("DE", 3)).lines().getFirst();
        assertThat(large.taxAmount()).isEqualByComparingTo("27.93"); // 147.00 × 19%
        assertThat(large.taxLabel()).isEqualTo("VAT 19% (large order)");

        DecidedLine austrian = service.decide(pack, pro("AT", 1)).lines().getFirst();
        assertThat(austrian.taxAmount()).isEqualByComparingTo("0.00");
        assertThat(austrian.taxLabel()).isEqualTo("No VAT");
    }

    @Test
    void mvelActionsAccumulateEvalAndTheLogicalElementsAreAllowed() {
        assertThat(validator.validate(tax("""
                package ratebook.tax;
                dialect "mvel"
                import java.math.BigDecimal;
                import java.math.RoundingMode;
                import java.time.LocalDate;
                import org.ratebook.rules.fact.*;
                global org.ratebook.rules.decision.TaxOutput tax;

                rule "Half rate on large invoices" salience 10 no-loop activation-group "vat"
                when
                    $d : BillingDate()
                    $c : Charge( from.isBefore($d.date().plusDays(1)), currency in ("EUR", "CHF") )
                    accumulate( Charge( $x : amount ); $total : sum($x), $lines : count() )
                    eval( $total.compareTo(new BigDecimal("1000")) > 0 && $lines > 1 )
                    not BillingAccount( country == "CH" )
                    exists SubscriptionPeriod( plan matches "Pro.*" )
                then
                    tax.rate($c, new BigDecimal("19").divide(new BigDecimal("2"), RoundingMode.HALF_UP),
                            "VAT " + $c.from.dayOfWeek);
                end
                """))).isEmpty();
    }

    @Test
    void aViolationReadsFileLineAndMessage() {
        List<Violation> violations = validator.validate(tax("""
                package ratebook.tax;
                import org.ratebook.rules.fact.Charge;
                rule "Exit"
                when
                    $c : Charge()
                then


                    System.exit(0);
                end
                """));
        assertThat(violations).extracting(Violation::toString).containsExactly("rules/tax.drl line 9: System is not "
                + "allowed: rules may only use their bound facts ($names), their own local variables, their category's output (pricing, change, rating, discount, tax or "
                + "standing) and "
                + "BigDecimal, RoundingMode, LocalDate, YearMonth, DayOfWeek, Month, Period, String and "
                + "Math.min/max/abs");
    }

    @Test
    void everyViolationOfAFileIsReportedInLineOrder() {
        List<Violation> violations = validator.validate(tax("""
                package ratebook.tax;
                import java.io.File;
                import org.ratebook.rules.fact.Charge;
                rule "Several"
                when
                    $c : Charge( amount > 0,
                                 description == Runtime.version().toString() + "-".repeat(3) )
                then
                    update($c);
                end
                """));
        assertThat(violations).extracting(Violation::line).containsExactly(2, 7, 7, 9);
    }

    @Test
    void aFileThatCannotBeParsedIsRejectedWithItsLine() {
        assertThat(validator.validate(tax("""
                package ratebook.tax;
                rule "Unfinished"
                when
                    $c : Charge(
                then
                end
                """))).singleElement().satisfies(v -> {
                    assertThat(v.line()).isEqualTo(6); // where the parser notices
                    assertThat(v.message()).startsWith("the rules cannot be read: ");
                });
    }

    @Test
    void onlyPlainDrlFileNamesAreAllowed() {
        DrlSource dslr = new DrlSource(RuleCategory.TAX, "rules/tax.dslr", "package ratebook.tax;");
        assertThat(validator.validate(dslr)).extracting(Violation::message)
                .containsExactly("the file name rules/tax.dslr is not allowed: use letters, digits, - and _ and end "
                        + "it with .drl, e.g. rules/tax-eu.drl");
    }

    private static DrlSource tax(String drl) {
        return new DrlSource(RuleCategory.TAX, "rules/tax.drl", drl);
    }

    private static InvoiceQuestion pro(String country, int quantity) {
        return new InvoiceQuestion(new BillingAccount("acc-" + country, "EUR", country), LocalDate.of(2026, 1, 1),
                List.of(new SubscriptionPeriod("sub-1", "Pro", quantity, "EUR", LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 2, 1))));
    }
}
