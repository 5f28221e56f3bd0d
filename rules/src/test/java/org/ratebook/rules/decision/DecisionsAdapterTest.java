package org.ratebook.rules.decision;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.money.Rounding;
import org.ratebook.rules.pack.RuleCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The format-1 global hands each call to the running stage's output, and refuses another stage's call at run
 * time too (a pack compiled before the per-category validator existed cannot cross stages either).
 */
class DecisionsAdapterTest {

    private final RuleFiring firing = new RuleFiring();
    private final Ledger ledger = new Ledger(firing);
    private final SubscriptionPeriod period = new SubscriptionPeriod("sub-1", "Pro", 1, "EUR",
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
    private final CatalogPlan pro = new CatalogPlan("Pro", "Hosting", "EUR", new BigDecimal("49.00"),
            org.ratebook.rules.fact.BillingPeriod.MONTHLY, org.ratebook.rules.fact.BillingMode.IN_ADVANCE);

    @Test
    void aTaxStageCannotCreateARecurringChargeThroughTheOldGlobal() {
        Decisions tax = new Decisions(RuleCategory.TAX, new TaxOutput(ledger, firing));
        firing.enter("Sneaky");
        assertThatThrownBy(() -> tax.recurring(period, pro)).isInstanceOf(DecisionException.class)
                .hasMessage("a tax rule cannot create a recurring charge: decisions.recurring belongs to pricing rules");
        assertThat(ledger.charges()).isEmpty();
    }

    @Test
    void eachCallGoesToTheRunningStagesOutputStampedWithTheFiringRule() {
        Decisions pricing = new Decisions(RuleCategory.PRICING, new PricingOutput(ledger, firing, Rounding.DEFAULT));
        firing.enter("Price");
        Charge charge = pricing.recurring(period, pro);
        firing.leave();
        assertThat(charge.amount()).isEqualByComparingTo("49.00");
        assertThat(ledger.rules(charge.lineNo())).containsExactly("Price");

        TaxOutput taxOutput = new TaxOutput(ledger, firing);
        Decisions tax = new Decisions(RuleCategory.TAX, taxOutput);
        firing.enter("VAT");
        tax.tax(charge, new BigDecimal("19"), "VAT 19%");
        assertThat(taxOutput.of(charge.lineNo()).ratePercent()).isEqualByComparingTo("19");
        assertThat(ledger.rules(charge.lineNo())).containsExactly("Price", "VAT");
        assertThatThrownBy(() -> tax.standing(DunningState.SUSPENDED, DunningAction.SUSPEND_SERVICE))
                .hasMessage("a tax rule cannot decide an account's standing: decisions.standing belongs to "
                        + "suspension rules");
    }
}
