package org.ratebook.engine.subscription;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.PhaseStart;
import org.ratebook.engine.subscription.api.SubscriptionCreatedEvent;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.domain.InvalidSubscriptionException;
import org.ratebook.engine.subscription.domain.Subscription;
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
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        fixture.registerInjectableResource((TenantClocks) tenant -> clock);
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
                        List.of(new PhaseStart("evergreen", LocalDate.of(2026, 1, 15)))));
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
}
