package org.ratebook.rules;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.StandingDecision;
import org.ratebook.rules.fact.AccountStanding;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.rules.pack.RulePackLoader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ratebook.rules.fact.DunningAction.BLOCK_PLAN_CHANGES;
import static org.ratebook.rules.fact.DunningAction.SEND_REMINDER;
import static org.ratebook.rules.fact.DunningAction.SUSPEND_SERVICE;

/** The dunning thresholds table ({@code dunning.thresholds}) read by one generic suspension rule. */
class DunningThresholdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 14);
    private static final String RULE = "A threshold of the seller's dunning table is reached";

    /** The same rule as the msp example pack's rules/suspension.drl. */
    static final String GENERIC_DRL = """
            package t;
            import org.ratebook.rules.fact.AccountStanding;
            import org.ratebook.rules.fact.DunningThreshold;
            global org.ratebook.rules.decision.StandingOutput standing;
            rule "A threshold of the seller's dunning table is reached"
            when
                $standing : AccountStanding()
                $threshold : DunningThreshold( reachedBy($standing) )
            then
                standing.thresholdReached($threshold);
            end
            """;

    static final String THRESHOLDS = """
            state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
            # reminder at +5, suspended at +21 only when EUR 250.00 or more is overdue
            REMINDED,5,,,,SEND_REMINDER
            WARNED,14,,,,SEND_REMINDER|BLOCK_PLAN_CHANGES
            SUSPENDED,21,250.00,EUR,,BLOCK_PLAN_CHANGES|SUSPEND_SERVICE
            """;

    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));

    static RulePack withThresholds(String csv) {
        List<DrlSource> sources = new ArrayList<>(RulePackLoader.defaultPack().sources());
        sources.removeIf(s -> s.category() == RuleCategory.SUSPENSION);
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl", GENERIC_DRL));
        return new RulePack("thresholds", 1, RulePackLoader.defaultPack().plans(), sources, null,
                RoundingMode.HALF_UP, PackTables.of(Map.of(PackTables.DUNNING_THRESHOLDS, csv)), null);
    }

    /** One account billed in {@code currency}, {@code days} past due with {@code overdue} overdue on one invoice. */
    private static AccountStanding pastDue(int days, String currency, String overdue) {
        return new AccountStanding("acc-1", currency, TODAY, TODAY.minusDays(days), days, new BigDecimal(overdue), 1,
                new BigDecimal(overdue), 1, DunningState.GOOD, null);
    }

    @Test
    void theTableIsParsedIntoThresholdRows() {
        PackTables tables = withThresholds(THRESHOLDS).tables();
        assertThat(tables.dunningThresholds()).hasSize(3);
        assertThat(tables.dunningThresholds().get(2)).satisfies(t -> {
            assertThat(t.state()).isEqualTo(DunningState.SUSPENDED);
            assertThat(t.daysPastDue()).isEqualTo(21);
            assertThat(t.minOverdueBalance()).isEqualByComparingTo("250.00");
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.actions()).containsExactly(BLOCK_PLAN_CHANGES, SUSPEND_SERVICE);
        });
    }

    @Test
    void belowTheFirstThresholdTheAccountIsInGoodStanding() {
        StandingDecision decision = service.decideStanding(withThresholds(THRESHOLDS), pastDue(4, "EUR", "900.00"));
        assertThat(decision.state()).isEqualTo(DunningState.GOOD);
        assertThat(decision.trace().fired()).isEmpty();
    }

    @Test
    void theRowReachedShowsInTheTraceWithTheRule() {
        StandingDecision decision = service.decideStanding(withThresholds(THRESHOLDS), pastDue(5, "EUR", "49.00"));
        assertThat(decision.state()).isEqualTo(DunningState.REMINDED);
        assertThat(decision.actions()).containsExactly(SEND_REMINDER);
        assertThat(decision.rules()).containsExactly(RULE);
        assertThat(decision.trace().fired()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RULE);
            assertThat(f.matched()).anySatisfy(m -> assertThat(m).isEqualTo(
                    "threshold REMINDED at 5 days past due: SEND_REMINDER"));
        });
    }

    @Test
    void aThresholdWhoseMinimumBalanceIsNotMetDoesNotFire() {
        // 30 days past due, but only EUR 249.99 overdue: warned (14 days), not suspended (needs EUR 250.00)
        StandingDecision decision = service.decideStanding(withThresholds(THRESHOLDS), pastDue(30, "EUR", "249.99"));
        assertThat(decision.state()).isEqualTo(DunningState.WARNED);
        assertThat(decision.actions()).containsExactlyInAnyOrder(SEND_REMINDER, BLOCK_PLAN_CHANGES);
        assertThat(decision.trace().fired()).hasSize(2)
                .noneSatisfy(f -> assertThat(f.matched()).anySatisfy(m -> assertThat(m).contains("SUSPENDED")));
    }

    @Test
    void aBalanceInAnotherCurrencyDoesNotMeetTheMinimum() {
        StandingDecision decision = service.decideStanding(withThresholds(THRESHOLDS), pastDue(30, "USD", "5000.00"));
        assertThat(decision.state()).isEqualTo(DunningState.WARNED);
    }

    @Test
    void theHighestStateReachedWinsWithItsRowsActions() {
        StandingDecision decision = service.decideStanding(withThresholds(THRESHOLDS), pastDue(21, "EUR", "250.00"));
        assertThat(decision.state()).isEqualTo(DunningState.SUSPENDED);
        assertThat(decision.actions()).containsExactlyInAnyOrder(BLOCK_PLAN_CHANGES, SUSPEND_SERVICE);
        assertThat(decision.rules()).containsExactly(RULE);
        assertThat(decision.trace().fired()).hasSize(3);
    }

    @Test
    void aMinimumNumberOfUnpaidInvoicesMustBeMet() {
        RulePack pack = withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
                SUSPENDED,0,,,3,SUSPEND_SERVICE
                """);
        assertThat(service.decideStanding(pack, pastDue(40, "EUR", "100.00")).state()).isEqualTo(DunningState.GOOD);
        AccountStanding three = new AccountStanding("acc-1", "EUR", TODAY, TODAY.minusDays(2), 2,
                new BigDecimal("300.00"), 3, new BigDecimal("100.00"), 1, DunningState.GOOD, null);
        assertThat(service.decideStanding(pack, three).state()).isEqualTo(DunningState.SUSPENDED);
    }

    @Test
    void anUnpaidBalanceThresholdPerCurrencyIsReachedAtItsAmountDueOrNot() {
        RulePack pack = withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions,min_unpaid_balance
                WARNED,,,EUR,,BLOCK_PLAN_CHANGES,147.00
                WARNED,,,USD,,BLOCK_PLAN_CHANGES,100.00
                """);
        AccountStanding euros = new AccountStanding("acc-1", "EUR", TODAY, null, 0, new BigDecimal("146.99"), 1,
                BigDecimal.ZERO, 0, DunningState.GOOD, null);
        assertThat(service.decideStanding(pack, euros).state()).as("a cent short, nothing past due")
                .isEqualTo(DunningState.GOOD);
        AccountStanding exactly = new AccountStanding("acc-1", "EUR", TODAY, null, 0, new BigDecimal("147.00"), 1,
                BigDecimal.ZERO, 0, DunningState.GOOD, null);
        StandingDecision warned = service.decideStanding(pack, exactly);
        assertThat(warned.state()).isEqualTo(DunningState.WARNED);
        assertThat(warned.trace().fired()).singleElement().satisfies(f -> assertThat(f.matched())
                .anySatisfy(m -> assertThat(m).contains("threshold WARNED at 0 days past due, EUR 147.00 unpaid")));
        AccountStanding dollars = new AccountStanding("acc-1", "USD", TODAY, null, 0, new BigDecimal("146.99"), 1,
                BigDecimal.ZERO, 0, DunningState.GOOD, null);
        assertThat(service.decideStanding(pack, dollars).state()).as("the USD row").isEqualTo(DunningState.WARNED);
        assertThatThrownBy(() -> withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions,min_unpaid_balance
                WARNED,,,EUR,,BLOCK_PLAN_CHANGES,lots
                """)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("dunning.thresholds line 2").hasMessageContaining("min_unpaid_balance");
    }

    @Test
    void aMalformedRowIsRefusedWithItsTableAndLine() {
        assertThatThrownBy(() -> withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
                REMINDED,5,,,,SEND_REMINDER
                SUSPENDED,21,250.00,EUR,,BLOCK_PLAN_CHANGES|SHUT_DOWN
                """)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("dunning.thresholds line 3").hasMessageContaining("SHUT_DOWN");
        assertThatThrownBy(() -> withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
                SUSPENDED,three weeks,,,,SUSPEND_SERVICE
                """)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("dunning.thresholds line 2").hasMessageContaining("days_past_due");
        assertThatThrownBy(() -> withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
                SUSPENDED,21,250.00,,,SUSPEND_SERVICE
                """)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("dunning.thresholds line 2").hasMessageContaining("currency");
        assertThatThrownBy(() -> withThresholds("""
                state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
                GOOD,0,,,,
                """)).isInstanceOf(RulePackFormatException.class)
                .hasMessageContaining("dunning.thresholds line 2");
    }

    @Test
    void theThresholdsEnterTheContentHashAndAPackWithoutThemKeepsItsHash() {
        RulePack with = withThresholds(THRESHOLDS);
        RulePack changed = withThresholds(THRESHOLDS.replace("REMINDED,5", "REMINDED,6"));
        assertThat(with.contentHash()).isNotEqualTo(changed.contentHash());
        RulePack shipped = RulePackLoader.defaultPack();
        assertThat(new RulePack(shipped.name(), 1, shipped.plans(), shipped.sources(), null, null, PackTables.NONE,
                null).contentHash()).isEqualTo(shipped.contentHash());
    }
}
