package org.ratebook.engine.subscription;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.ChangeQuantityCommand;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.PauseSubscriptionCommand;
import org.ratebook.engine.subscription.api.PlanChangedEvent;
import org.ratebook.engine.subscription.api.QuantityChangedEvent;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.ResumeSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionCancelledEvent;
import org.ratebook.engine.subscription.api.SubscriptionPausedEvent;
import org.ratebook.engine.subscription.api.SubscriptionReinstatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionResumedEvent;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.domain.InvalidSubscriptionException;
import org.ratebook.engine.subscription.domain.Subscription;
import org.ratebook.engine.subscription.projection.SubscriptionDirectory;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

class SubscriptionAggregateTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private final AccountId euroAccount = AccountId.random();
    private final AccountId dollarAccount = AccountId.random();
    private final SubscriptionId subscription = SubscriptionId.random();
    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        AccountDirectory accounts = (tenant, id) -> {
            if (!tenant.equals(TENANT)) {
                return Optional.empty();
            }
            if (id.equals(euroAccount)) {
                return Optional.of(account(id, "EUR"));
            }
            return id.equals(dollarAccount) ? Optional.of(account(id, "USD")) : Optional.empty();
        };
        TenantPacks packs = (tenant, date) -> RulePackLoader.defaultPack();
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(accounts);
        fixture.registerInjectableResource(packs);
        fixture.registerInjectableResource(new SubscriptionDirectory() {
            @Override
            public Optional<SubscriptionView> find(TenantId tenant, SubscriptionId id) {
                return Optional.empty();
            }

            @Override
            public List<SubscriptionView> ofAccount(TenantId tenant, AccountId account) {
                return List.of();
            }
        });
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        fixture.registerInjectableResource((TenantClocks) tenant -> clock);
        fixture.registerInjectableResource(new DecisionService(new RulePackCompiler(Clock.systemUTC())));
    }

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    /** A Pro subscription with 3 seats since 1 January, billed on the 1st. */
    private SubscriptionCreatedEvent proSince1January() {
        return new SubscriptionCreatedEvent(TENANT, subscription, euroAccount, "Pro", 3, "EUR", JAN_1, 1, 1,
                List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3)));
    }

    @Test
    void aDowngradeWithoutATimingWaitsForTheEndOfTheTermByTheDefaultPolicy() {
        fixture.given(proSince1January())
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", null, null))
                .expectEvents(new PlanChangedEvent(TENANT, subscription, "Pro", "Starter", TODAY, FEB_1,
                        ChangeTiming.END_OF_TERM, "Downgrades and removed seats take effect at the end of the term", 1,
                        List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3),
                                new PhaseStart("evergreen", FEB_1, "Starter", 3)), null,
                        ProrationBehaviour.ALWAYS_INVOICE, "no change policy rule chose the proration: invoiced at once"));
    }

    @Test
    void anAddOnCannotBeChangedToABasePlan() {
        SubscriptionCreatedEvent addOn = new SubscriptionCreatedEvent(TENANT, subscription, euroAccount, "Pro", 1,
                "EUR", JAN_1, 1, 1, List.of(new PhaseStart("evergreen", JAN_1, "Pro", 1)), null,
                org.ratebook.rules.fact.ProductType.ADD_ON, SubscriptionId.random());
        fixture.given(addOn)
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", ChangeTiming.IMMEDIATE, null))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("plan 'Starter' is a BASE product and the subscription an ADD_ON one; a plan "
                        + "change keeps the product type")
                .expectNoEvents();
    }

    @Test
    void anImmediateQuantityChangeSplitsTheTimelineToday() {
        fixture.given(proSince1January())
                .when(new ChangeQuantityCommand(TENANT, subscription, 5, ChangeTiming.IMMEDIATE, null))
                .expectEvents(new QuantityChangedEvent(TENANT, subscription, 3, 5, TODAY, TODAY,
                        ChangeTiming.IMMEDIATE, null, List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3),
                        new PhaseStart("evergreen", TODAY, "Pro", 5)), ProrationBehaviour.ALWAYS_INVOICE, "no change policy rule chose the proration: invoiced at once"));
    }

    @Test
    void aCancellationCanBeTakenBackBeforeItTakesEffectButNotAfter() {
        List<PhaseStart> before = List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3));
        SubscriptionCancelledEvent cancelled = new SubscriptionCancelledEvent(TENANT, subscription, TODAY, FEB_1,
                ChangeTiming.END_OF_TERM, null, List.of(before.getFirst(), PhaseStart.stopped(FEB_1)));
        fixture.given(proSince1January())
                .when(new CancelSubscriptionCommand(TENANT, subscription, ChangeTiming.END_OF_TERM, null))
                .expectEvents(cancelled);
        fixture.given(proSince1January(), cancelled)
                .when(new ReinstateSubscriptionCommand(TENANT, subscription))
                .expectEvents(new SubscriptionReinstatedEvent(TENANT, subscription, TODAY, FEB_1, before));
        SubscriptionCancelledEvent cancelledLastWeek = new SubscriptionCancelledEvent(TENANT, subscription,
                LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 8), ChangeTiming.IMMEDIATE, null,
                List.of(before.getFirst(), PhaseStart.stopped(LocalDate.of(2026, 1, 8))));
        fixture.given(proSince1January(), cancelledLastWeek)
                .when(new ReinstateSubscriptionCommand(TENANT, subscription))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("the cancellation took effect on 2026-01-08; only a cancellation still to "
                        + "come can be taken back")
                .expectNoEvents();
        fixture.given(proSince1January(), cancelledLastWeek)
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", ChangeTiming.IMMEDIATE, null))
                .expectException(InvalidSubscriptionException.class)
                .expectNoEvents();
    }

    @Test
    void anAddOnEndedWithItsBaseComesBackWithItButOneCancelledOnItsOwnStaysCancelled() {
        SubscriptionId base = SubscriptionId.random();
        List<PhaseStart> before = List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3));
        List<PhaseStart> stopped = List.of(before.getFirst(), PhaseStart.stopped(FEB_1));
        SubscriptionCancelledEvent withItsBase = new SubscriptionCancelledEvent(TENANT, subscription, TODAY, FEB_1,
                null, null, stopped, null, base);
        fixture.given(proSince1January())
                .when(new CancelSubscriptionCommand(TENANT, subscription, null, FEB_1, null, base))
                .expectEvents(withItsBase);
        fixture.given(proSince1January(), withItsBase)
                .when(new ReinstateSubscriptionCommand(TENANT, subscription, base))
                .expectEvents(new SubscriptionReinstatedEvent(TENANT, subscription, TODAY, FEB_1, before));
        // a second cancellation (termination reaching an add-on that already ended with its base) is refused
        fixture.given(proSince1January(), withItsBase)
                .when(new CancelSubscriptionCommand(TENANT, subscription, ChangeTiming.IMMEDIATE, null, "terminated"))
                .expectException(InvalidSubscriptionException.class)
                .expectNoEvents();
        SubscriptionCancelledEvent onItsOwn = new SubscriptionCancelledEvent(TENANT, subscription, TODAY, FEB_1,
                null, null, stopped);
        fixture.given(proSince1January(), onItsOwn)
                .when(new ReinstateSubscriptionCommand(TENANT, subscription, base))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(proSince1January())
                .when(new ReinstateSubscriptionCommand(TENANT, subscription, base))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPlanChangeNamingAPriceListRecordsItOnTheNewPlanAndAnUnknownListIsRefused() {
        fixture.given(proSince1January())
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", null, FEB_1, "default"))
                .expectEvents(new PlanChangedEvent(TENANT, subscription, "Pro", "Starter", TODAY, FEB_1, null, null, 1,
                        List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3),
                                new PhaseStart("evergreen", FEB_1, "Starter", 3, "DEFAULT")), "DEFAULT",
                        ProrationBehaviour.ALWAYS_INVOICE, "no change policy rule chose the proration: invoiced at once"));
        fixture.given(proSince1January())
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", null, FEB_1, "STUDENT"))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("unknown price list 'STUDENT'"))
                .expectNoEvents();
    }

    @Test
    void aPauseAndResumeLeaveAGapInTheTimelineAndAPausedSubscriptionCannotChangePlan() {
        LocalDate resumeOn = LocalDate.of(2026, 1, 20);
        SubscriptionPausedEvent paused = new SubscriptionPausedEvent(TENANT, subscription, TODAY, TODAY,
                List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3), PhaseStart.stopped(TODAY)));
        fixture.given(proSince1January())
                .when(new PauseSubscriptionCommand(TENANT, subscription, null))
                .expectEvents(paused);
        fixture.given(proSince1January(), paused)
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", ChangeTiming.IMMEDIATE, null))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("the subscription is paused from 2026-01-15; resume it before changing its plan")
                .expectNoEvents();
        fixture.given(proSince1January(), paused)
                .when(new ResumeSubscriptionCommand(TENANT, subscription, resumeOn))
                .expectEvents(new SubscriptionResumedEvent(TENANT, subscription, TODAY, resumeOn,
                        List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3), PhaseStart.stopped(TODAY),
                                new PhaseStart("evergreen", resumeOn, "Pro", 3))));
    }

    @Test
    void aChangeCannotGoBeforeOneAlreadyScheduledNorIntoThePast() {
        PlanChangedEvent scheduled = new PlanChangedEvent(TENANT, subscription, "Pro", "Starter", TODAY, FEB_1,
                ChangeTiming.END_OF_TERM, null, 1, List.of(new PhaseStart("evergreen", JAN_1, "Pro", 3),
                new PhaseStart("evergreen", FEB_1, "Starter", 3)));
        fixture.given(proSince1January(), scheduled)
                .when(new ChangeQuantityCommand(TENANT, subscription, 4, ChangeTiming.IMMEDIATE, null))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("a change on 2026-01-15 would overlap the change already recorded from "
                        + "2026-02-01; changes take effect in the order they are made")
                .expectNoEvents();
        fixture.given(proSince1January())
                .when(new ChangePlanCommand(TENANT, subscription, "Starter", null, LocalDate.of(2026, 1, 10)))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("a change cannot take effect in the past (2026-01-10 is before today, 2026-01-15)")
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotChangeTheSubscription() {
        fixture.given(proSince1January())
                .when(new CancelSubscriptionCommand(TenantId.of("intruder"), subscription, ChangeTiming.IMMEDIATE, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private static AccountView account(AccountId id, String currency) {
        return new AccountView(id, "ACME", null, currency, "DE", "Europe/Berlin", 0, List.of(), null,
                LocalDate.of(2026, 1, 1));
    }

    @Test
    void aProSubscriptionStartsTodayAndBillsOnItsStartDay() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Pro", 1, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SubscriptionCreatedEvent(TENANT, subscription, euroAccount, "Pro", 1, "EUR",
                        LocalDate.of(2026, 1, 15), 15, 1,
                        List.of(new PhaseStart("evergreen", LocalDate.of(2026, 1, 15), "Pro", 1))));
    }

    @Test
    void anUnknownPlanIsRejectedAndNothingHappens() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Gold", 1, null))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("unknown plan 'Gold' in rule pack default v1")
                .expectNoEvents();
    }

    @Test
    void aPlanWithoutAPriceInTheAccountsCurrencyIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, dollarAccount, "Pro", 1, null))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("plan 'Pro' has no price in USD, the account's currency")
                .expectNoEvents();
    }

    @Test
    void quantityMustBePositive() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Pro", 0, null))
                .expectException(InvalidSubscriptionException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantsAccountIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TenantId.of("intruder"), subscription, euroAccount, "Pro", 1, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aStartBeforeTheAccountWasOpenedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Pro", 1,
                        LocalDate.of(2025, 12, 31)))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("start date 2025-12-31 is before the account was opened (2026-01-01)")
                .expectNoEvents();
    }

    @Test
    void noTrialOnAPlanWithoutOneIsRecordedAsTheSubscriptionsOwnTrial() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Pro", 1, null, null, null, 0))
                .expectEvents(new SubscriptionCreatedEvent(TENANT, subscription, euroAccount, "Pro", 1, "EUR",
                        TODAY, 15, 1, List.of(new PhaseStart("evergreen", TODAY, "Pro", 1)), null, null, null, 0));
    }

    @Test
    void aTrialOnAPlanWithoutATrialPhaseIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Pro", 1, null, null, null, 14))
                .expectException(InvalidSubscriptionException.class)
                .expectExceptionMessage("plan 'Pro' has no trial phase, so a trial of 14 days has no price; give the "
                        + "plan a trial phase in the catalog")
                .expectNoEvents();
    }

    @Test
    void aNegativeTrialIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateSubscriptionCommand(TENANT, subscription, euroAccount, "Pro", 1, null, null, null, -1))
                .expectException(InvalidSubscriptionException.class)
                .expectNoEvents();
    }
}
