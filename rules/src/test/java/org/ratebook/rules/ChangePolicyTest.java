package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.ChangeDecision;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeKind;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePolicyTest {

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    private final RulePack pack = RulePackLoader.defaultPack();
    private final CatalogPlan starter = pack.plan("Starter", "EUR").orElseThrow();
    private final CatalogPlan pro = pack.plan("Pro", "EUR").orElseThrow();
    private final LocalDate today = LocalDate.of(2026, 3, 10);

    @Test
    void aYearlyPlanIsComparedWithAMonthlyOneByItsPricePerMonth() {
        CatalogPlan yearly = new CatalogPlan("Pro-Yearly", "Hosting", "EUR", new BigDecimal("480.00"),
                BillingPeriod.ANNUAL, BillingMode.IN_ADVANCE);
        assertThat(PlanChange.ofPlan("s", pro, yearly, 1, today).kind()).isEqualTo(ChangeKind.DOWNGRADE);
        assertThat(PlanChange.ofPlan("s", starter, yearly, 1, today).kind()).isEqualTo(ChangeKind.UPGRADE);
        assertThat(PlanChange.ofPlan("s", pro, pro, 1, today).kind()).isEqualTo(ChangeKind.LATERAL);
    }

    @Test
    void theDefaultPolicyUpgradesAtOnceAndDowngradesAndCancelsAtTheEndOfTheTerm() {
        ChangeDecision upgrade = service.decideChange(pack, PlanChange.ofPlan("s", starter, pro, 1, today));
        assertThat(upgrade.timing()).contains(ChangeTiming.IMMEDIATE);
        assertThat(upgrade.rule()).contains("Upgrades and added seats take effect at once");

        assertThat(service.decideChange(pack, PlanChange.ofPlan("s", pro, starter, 1, today)).timing())
                .contains(ChangeTiming.END_OF_TERM);
        assertThat(service.decideChange(pack, PlanChange.ofQuantity("s", pro, 5, 3, today)).timing())
                .contains(ChangeTiming.END_OF_TERM);
        assertThat(service.decideChange(pack, PlanChange.ofQuantity("s", pro, 3, 5, today)).timing())
                .contains(ChangeTiming.IMMEDIATE);
        ChangeDecision cancel = service.decideChange(pack, PlanChange.ofCancel("s", pro, 1, today));
        assertThat(cancel.timing()).contains(ChangeTiming.END_OF_TERM);
        assertThat(cancel.trace().fired()).extracting(f -> f.rule())
                .containsExactly("Cancellations take effect at the end of the term");
    }

    @Test
    void aSellersOwnPolicyDecidesAndNoRuleMeansNoTiming() {
        RulePack strict = new RulePack("strict", 2, pack.plans(), List.of(new DrlSource(RuleCategory.CHANGE,
                "change-policy.drl", """
                package t;
                import org.ratebook.rules.fact.*;
                global org.ratebook.rules.decision.ChangeOutput change;
                rule "Cancellations end the service at once"
                when $c : PlanChange( kind == ChangeKind.CANCEL )
                then change.takeEffect($c, ChangeTiming.IMMEDIATE);
                end
                """)));
        assertThat(service.decideChange(strict, PlanChange.ofCancel("s", pro, 1, today)).timing())
                .contains(ChangeTiming.IMMEDIATE);
        assertThat(service.decideChange(strict, PlanChange.ofPlan("s", pro, starter, 1, today)).timing()).isEmpty();
    }
}
