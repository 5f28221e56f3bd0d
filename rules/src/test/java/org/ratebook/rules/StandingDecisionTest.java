package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.StandingDecision;
import org.ratebook.rules.fact.AccountStanding;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ratebook.rules.fact.DunningAction.BLOCK_PLAN_CHANGES;
import static org.ratebook.rules.fact.DunningAction.SEND_REMINDER;
import static org.ratebook.rules.fact.DunningAction.SUSPEND_SERVICE;
import static org.ratebook.rules.fact.DunningAction.TERMINATE;

class StandingDecisionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 14);

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    private final RulePack defaultPack = RulePackLoader.defaultPack();

    /** One unpaid EUR 49.00 invoice, {@code days} past its due date. */
    private static AccountStanding pastDue(int days) {
        return standing(days, "49.00", 1, DunningState.GOOD);
    }

    private static AccountStanding standing(int days, String unpaid, int invoices, DunningState state) {
        return new AccountStanding("acc-1", "EUR", TODAY, days == 0 ? null : TODAY.minusDays(days), days,
                new BigDecimal(unpaid), invoices, days == 0 ? BigDecimal.ZERO : new BigDecimal(unpaid),
                days == 0 ? 0 : invoices, state, state == DunningState.GOOD ? null : TODAY.minusDays(1));
    }

    private static RulePack withSuspension(String drl) {
        List<DrlSource> sources = new ArrayList<>(RulePackLoader.defaultPack().sources());
        sources.removeIf(s -> s.category() == RuleCategory.SUSPENSION);
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl", drl));
        return new RulePack("strict", 2, RulePackLoader.defaultPack().plans(), sources);
    }

    private static final String HEADER = """
            package t;
            import java.math.BigDecimal;
            import org.ratebook.rules.fact.AccountStanding;
            import org.ratebook.rules.fact.DunningAction;
            import org.ratebook.rules.fact.DunningState;
            global org.ratebook.rules.decision.StandingOutput standing;
            """;

    @Test
    void sixDaysPastDueIsStillGoodStandingUnderTheDefaultPolicy() {
        StandingDecision decision = service.decideStanding(defaultPack, pastDue(6));
        assertThat(decision.state()).isEqualTo(DunningState.GOOD);
        assertThat(decision.actions()).isEmpty();
        assertThat(decision.rules()).isEmpty();
        assertThat(decision.trace().fired()).isEmpty();
        assertThat(decision.trace().packHash()).isEqualTo(defaultPack.contentHash());
    }

    @Test
    void theDefaultPolicyRemindsAtSevenWarnsAtFourteenSuspendsAtThirtyAndTerminatesAtSixtyDaysPastDue() {
        assertThat(service.decideStanding(defaultPack, pastDue(7))).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DunningState.REMINDED);
            assertThat(d.actions()).containsExactly(SEND_REMINDER);
            assertThat(d.rules()).containsExactly("Payment reminder 7 days past due");
        });
        assertThat(service.decideStanding(defaultPack, pastDue(14))).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DunningState.WARNED);
            assertThat(d.actions()).containsExactly(SEND_REMINDER, BLOCK_PLAN_CHANGES);
        });
        assertThat(service.decideStanding(defaultPack, pastDue(30))).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DunningState.SUSPENDED);
            assertThat(d.actions()).as("billing continues while suspended by default")
                    .containsExactly(BLOCK_PLAN_CHANGES, SUSPEND_SERVICE);
            assertThat(d.rules()).containsExactly("Service suspended 30 days past due");
        });
        assertThat(service.decideStanding(defaultPack, pastDue(60))).satisfies(d -> {
            assertThat(d.state()).isEqualTo(DunningState.TERMINATED);
            assertThat(d.actions()).containsExactly(BLOCK_PLAN_CHANGES, TERMINATE);
        });
    }

    @Test
    void theMostSevereStateWinsWithOnlyTheActionsOfItsOwnRulesButTheTraceShowsEveryRuleFired() {
        StandingDecision decision = service.decideStanding(defaultPack, pastDue(31));

        assertThat(decision.state()).isEqualTo(DunningState.SUSPENDED);
        assertThat(decision.actions()).doesNotContain(SEND_REMINDER);
        assertThat(decision.trace().fired()).extracting(f -> f.category() + ":" + f.rule()).containsExactlyInAnyOrder(
                "SUSPENSION:Payment reminder 7 days past due",
                "SUSPENSION:Warning 14 days past due, plan changes blocked",
                "SUSPENSION:Service suspended 30 days past due");
        assertThat(decision.trace().fired().getFirst().matched()).anySatisfy(f -> assertThat(f).contains("acc-1"));
    }

    @Test
    void aPackCanDecideByUnpaidBalanceAndByNumberOfUnpaidInvoices() {
        RulePack strict = withSuspension(HEADER + """
                rule "Warning at EUR 499.99 unpaid"
                when AccountStanding( currency == "EUR", unpaidBalance >= new BigDecimal("499.99") )
                then standing.becomes(DunningState.WARNED, DunningAction.SEND_REMINDER); end
                rule "Suspended with three unpaid invoices"
                when AccountStanding( unpaidInvoices >= 3 )
                then standing.becomes(DunningState.SUSPENDED, DunningAction.SUSPEND_SERVICE,
                                        DunningAction.PAUSE_BILLING); end
                """);

        assertThat(service.decideStanding(strict, standing(0, "499.98", 2, DunningState.GOOD)).state())
                .isEqualTo(DunningState.GOOD);
        assertThat(service.decideStanding(strict, standing(0, "499.99", 2, DunningState.GOOD)).state())
                .isEqualTo(DunningState.WARNED);
        StandingDecision three = service.decideStanding(strict, standing(0, "147.00", 3, DunningState.GOOD));
        assertThat(three.state()).isEqualTo(DunningState.SUSPENDED);
        assertThat(three.actions()).containsExactly(SUSPEND_SERVICE, DunningAction.PAUSE_BILLING);
        assertThat(three.trace().packVersion()).isEqualTo(2);
    }

    /**
     * Known trap: in a constraint, a decimal literal is a double, and 499.99 as a double is a little more than
     * 499.99, so an exact balance of 499.99 does not reach it. Amounts in conditions are written as
     * {@code new BigDecimal("499.99")} (the validator allows exactly that), as the test above does.
     */
    @Test
    void aPlainDecimalLiteralInAConditionComparesAsADoubleAndMissesTheExactAmount() {
        RulePack inexact = withSuspension(HEADER + """
                rule "Warning at 499.99 written as a double"
                when AccountStanding( unpaidBalance >= 499.99 )
                then standing.becomes(DunningState.WARNED); end
                """);
        assertThat(service.decideStanding(inexact, standing(0, "499.99", 2, DunningState.GOOD)).state())
                .isEqualTo(DunningState.GOOD);
        assertThat(service.decideStanding(inexact, standing(0, "500.00", 2, DunningState.GOOD)).state())
                .isEqualTo(DunningState.WARNED);
    }

    @Test
    void aPackCanKeepATerminatedAccountTerminatedByLookingAtItsCurrentState() {
        RulePack finalTermination = withSuspension(HEADER + """
                rule "Termination is final"
                when AccountStanding( state == DunningState.TERMINATED )
                then standing.becomes(DunningState.TERMINATED, DunningAction.TERMINATE); end
                """);
        StandingDecision paidUp = service.decideStanding(finalTermination,
                standing(0, "0.00", 0, DunningState.TERMINATED));
        assertThat(paidUp.state()).isEqualTo(DunningState.TERMINATED);
        assertThat(service.decideStanding(defaultPack, standing(0, "0.00", 0, DunningState.TERMINATED)).state())
                .as("the default policy reinstates whoever has paid").isEqualTo(DunningState.GOOD);
    }

    @Test
    void aPackWithoutSuspensionRulesKeepsEveryAccountInGoodStanding() {
        RulePack noDunning = TestPacks.withPricingOnly(defaultPack.sources(RuleCategory.PRICING).getFirst().text());
        assertThat(service.decideStanding(noDunning, pastDue(365)).state()).isEqualTo(DunningState.GOOD);
    }

    @Test
    void goodStandingWithAnActionIsRefusedNamingTheRule() {
        RulePack confused = withSuspension(HEADER + """
                rule "Suspend the good ones"
                when AccountStanding() then standing.becomes(DunningState.GOOD, DunningAction.SUSPEND_SERVICE); end
                """);
        assertThatThrownBy(() -> service.decideStanding(confused, pastDue(1)))
                .rootCause().isInstanceOf(DecisionException.class)
                .hasMessageContaining("rule 'Suspend the good ones' gave good standing the actions [SUSPEND_SERVICE]");
    }

    @Test
    void suspensionRulesAreValidatedLikeEveryOtherDrl() {
        RulePack escaping = withSuspension(HEADER + """
                rule "Exit"
                when AccountStanding() then System.exit(1); end
                """);
        assertThatThrownBy(() -> RulePackCompiler.compile(escaping))
                .isInstanceOf(RulePackCompilationException.class)
                .satisfies(e -> assertThat(((RulePackCompilationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("rules/suspension.drl line 8: System is not allowed")));
    }
}
