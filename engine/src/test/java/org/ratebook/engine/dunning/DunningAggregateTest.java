package org.ratebook.engine.dunning;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.dunning.api.AccountReinstatedEvent;
import org.ratebook.engine.dunning.api.AccountSuspendedEvent;
import org.ratebook.engine.dunning.api.AccountTerminatedEvent;
import org.ratebook.engine.dunning.api.DunningId;
import org.ratebook.engine.dunning.api.DunningStateChangedEvent;
import org.ratebook.engine.dunning.api.EvaluateStandingCommand;
import org.ratebook.engine.dunning.api.PaymentReminderSentEvent;
import org.ratebook.engine.dunning.api.StandingFigures;
import org.ratebook.engine.dunning.domain.Dunning;
import org.ratebook.engine.dunning.domain.StaleStandingException;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.ratebook.rules.fact.DunningAction.BLOCK_PLAN_CHANGES;
import static org.ratebook.rules.fact.DunningAction.PAUSE_BILLING;
import static org.ratebook.rules.fact.DunningAction.SEND_REMINDER;
import static org.ratebook.rules.fact.DunningAction.SUSPEND_SERVICE;
import static org.ratebook.rules.fact.DunningAction.TERMINATE;
import static org.ratebook.rules.fact.DunningState.GOOD;
import static org.ratebook.rules.fact.DunningState.REMINDED;
import static org.ratebook.rules.fact.DunningState.SUSPENDED;
import static org.ratebook.rules.fact.DunningState.TERMINATED;
import static org.ratebook.rules.fact.DunningState.WARNED;

class DunningAggregateTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final PackRef PACK = new PackRef("default", 1, "a".repeat(64));
    private final AccountId account = AccountId.random();
    private final DunningId id = DunningId.of(TENANT, account);
    private AggregateTestFixture<Dunning> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dunning.class);
    }

    private static StandingFigures pastDue(int days) {
        return new StandingFigures("EUR", LocalDate.of(2026, 3, 15), days, new BigDecimal("49.00"), 1,
                days == 0 ? new BigDecimal("0.00") : new BigDecimal("49.00"), days == 0 ? 0 : 1);
    }

    private static List<String> rule(String name) {
        return name == null ? List.of() : List.of(name);
    }

    private static List<RuleFiring> trace(String name) {
        return name == null ? List.of() : List.of(new RuleFiring(1, "SUSPENSION", name, List.of("standing")));
    }

    private EvaluateStandingCommand decided(LocalDate on, DunningState basedOn, DunningState state, int days,
                                            String rule, DunningAction... actions) {
        return new EvaluateStandingCommand(TENANT, id, account, on, "daily", basedOn, state, List.of(actions),
                rule(rule), pastDue(days), PACK, trace(rule));
    }

    private DunningStateChangedEvent changed(LocalDate on, DunningState from, DunningState to, int days, String rule,
                                             DunningAction... actions) {
        return new DunningStateChangedEvent(TENANT, id, account, from, to, List.of(actions), on, "daily",
                pastDue(days), rule(rule), PACK, trace(rule));
    }

    private static final LocalDate MARCH_22 = LocalDate.of(2026, 3, 22);
    private static final LocalDate APRIL_14 = LocalDate.of(2026, 4, 14);

    @Test
    void leavingGoodStandingRecordsTheChangeWithItsRulesAndSendsAReminder() {
        fixture.givenNoPriorActivity()
                .when(decided(MARCH_22, GOOD, REMINDED, 7, "Payment reminder 7 days past due", SEND_REMINDER))
                .expectEvents(
                        changed(MARCH_22, GOOD, REMINDED, 7, "Payment reminder 7 days past due", SEND_REMINDER),
                        new PaymentReminderSentEvent(TENANT, account, REMINDED, MARCH_22, pastDue(7),
                                List.of("Payment reminder 7 days past due"), PACK));
    }

    @Test
    void decidingTheSameStandingAgainChangesNothing() {
        fixture.given(changed(MARCH_22, GOOD, REMINDED, 7, "r", SEND_REMINDER))
                .when(decided(MARCH_22.plusDays(1), REMINDED, REMINDED, 8, "r", SEND_REMINDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWarningIsAnotherReminder() {
        LocalDate march29 = MARCH_22.plusDays(7);
        fixture.given(changed(MARCH_22, GOOD, REMINDED, 7, "r", SEND_REMINDER))
                .when(decided(march29, REMINDED, WARNED, 14, "w", SEND_REMINDER, BLOCK_PLAN_CHANGES))
                .expectEvents(changed(march29, REMINDED, WARNED, 14, "w", SEND_REMINDER, BLOCK_PLAN_CHANGES),
                        new PaymentReminderSentEvent(TENANT, account, WARNED, march29, pastDue(14), List.of("w"), PACK));
    }

    @Test
    void suspendingTellsProvisioningAndWhetherBillingIsPaused() {
        fixture.given(changed(MARCH_22, GOOD, WARNED, 14, "w", SEND_REMINDER, BLOCK_PLAN_CHANGES))
                .when(decided(APRIL_14, WARNED, SUSPENDED, 30, "s", SUSPEND_SERVICE, PAUSE_BILLING))
                .expectEvents(changed(APRIL_14, WARNED, SUSPENDED, 30, "s", SUSPEND_SERVICE, PAUSE_BILLING),
                        new AccountSuspendedEvent(TENANT, account, SUSPENDED, APRIL_14, true, pastDue(30),
                                List.of("s"), PACK));
    }

    @Test
    void terminatingTellsProvisioning() {
        LocalDate may14 = LocalDate.of(2026, 5, 14);
        fixture.given(changed(APRIL_14, WARNED, SUSPENDED, 30, "s", BLOCK_PLAN_CHANGES, SUSPEND_SERVICE))
                .when(decided(may14, SUSPENDED, TERMINATED, 60, "t", BLOCK_PLAN_CHANGES, TERMINATE))
                .expectEvents(changed(may14, SUSPENDED, TERMINATED, 60, "t", BLOCK_PLAN_CHANGES, TERMINATE),
                        new AccountTerminatedEvent(TENANT, account, may14, pastDue(60), List.of("t"), PACK));
    }

    @Test
    void goodStandingAfterASuspensionReinstatesTheService() {
        LocalDate april20 = LocalDate.of(2026, 4, 20);
        fixture.given(changed(APRIL_14, WARNED, SUSPENDED, 30, "s", BLOCK_PLAN_CHANGES, SUSPEND_SERVICE))
                .when(decided(april20, SUSPENDED, GOOD, 0, null))
                .expectEvents(changed(april20, SUSPENDED, GOOD, 0, null),
                        new AccountReinstatedEvent(TENANT, account, SUSPENDED, GOOD, april20, pastDue(0), List.of(),
                                PACK));
    }

    @Test
    void goodStandingAfterAReminderOnlyRecordsTheChange() {
        fixture.given(changed(MARCH_22, GOOD, REMINDED, 7, "r", SEND_REMINDER))
                .when(decided(MARCH_22.plusDays(2), REMINDED, GOOD, 0, null))
                .expectEvents(changed(MARCH_22.plusDays(2), REMINDED, GOOD, 0, null));
    }

    @Test
    void aDecisionOnAStateTheAccountHasLeftIsRefusedAsStale() {
        fixture.given(changed(MARCH_22, GOOD, REMINDED, 7, "r", SEND_REMINDER))
                .when(decided(MARCH_22.plusDays(7), GOOD, WARNED, 14, "w", SEND_REMINDER))
                .expectException(StaleStandingException.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionForADayBeforeTheLastChangeChangesNothing() {
        fixture.given(changed(APRIL_14, WARNED, SUSPENDED, 30, "s", SUSPEND_SERVICE))
                .when(decided(APRIL_14.minusDays(1), SUSPENDED, WARNED, 29, "w", SEND_REMINDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void newActionsForTheSameStateAreAChangeButNoSecondSuspension() {
        LocalDate april20 = LocalDate.of(2026, 4, 20);
        fixture.given(changed(APRIL_14, WARNED, SUSPENDED, 30, "s", SUSPEND_SERVICE))
                .when(decided(april20, SUSPENDED, SUSPENDED, 36, "s2", SUSPEND_SERVICE, PAUSE_BILLING))
                .expectEvents(changed(april20, SUSPENDED, SUSPENDED, 36, "s2", SUSPEND_SERVICE, PAUSE_BILLING));
    }
}
