package org.ratebook.engine.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.AccountSegmentChangedEvent;
import org.ratebook.engine.account.api.ChangeSegmentCommand;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.domain.Account;
import org.ratebook.engine.account.domain.InvalidAccountException;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

class AccountAggregateTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private final AccountId account = AccountId.random();
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        // 23:30 UTC on 14 January is already 15 January in Berlin
        Clock clock = Clock.fixed(Instant.parse("2026-01-14T23:30:00Z"), ZoneOffset.UTC);
        fixture.registerInjectableResource((TenantClocks) tenant -> clock);
    }

    private CreateAccountCommand create(String currency, String zone, Integer bcd, String country) {
        return new CreateAccountCommand(TENANT, account, " ACME GmbH ", "billing@acme.example", currency, country,
                zone, bcd, List.of("Street 1"), "DE811907980");
    }

    @Test
    void anAccountIsOpenedOnTodayInItsOwnTimeZone() {
        fixture.givenNoPriorActivity()
                .when(create("eur", "Europe/Berlin", 31, "de"))
                .expectEvents(new AccountCreatedEvent(TENANT, account, "ACME GmbH", "billing@acme.example", "EUR",
                        "DE", "Europe/Berlin", 31, List.of("Street 1"), "DE811907980", LocalDate.of(2026, 1, 15)));
    }

    @Test
    void withoutATimeZoneTheAccountLivesInUtc() {
        fixture.givenNoPriorActivity()
                .when(create("EUR", null, null, null))
                .expectEvents(new AccountCreatedEvent(TENANT, account, "ACME GmbH", "billing@acme.example", "EUR",
                        null, "UTC", 0, List.of("Street 1"), "DE811907980", LocalDate.of(2026, 1, 14)));
    }

    private AccountCreatedEvent opened(String segment) {
        return new AccountCreatedEvent(TENANT, account, "ACME GmbH", "billing@acme.example", "EUR", null, "UTC", 0,
                List.of("Street 1"), "DE811907980", LocalDate.of(2026, 1, 14), segment);
    }

    @Test
    void anAccountIsOpenedInACustomerSegment() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(TENANT, account, "ACME GmbH", "billing@acme.example", "EUR", null, null,
                        null, List.of("Street 1"), "DE811907980", null, " education "))
                .expectEvents(opened("education"));
    }

    @Test
    void automaticInvoicingIsSwitchedOffAndBackOnOnceEachAndASwitchToTheSameStateRecordsNothing() {
        LocalDate today = LocalDate.of(2026, 1, 14);
        var off = new org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOffEvent(TENANT, account, today,
                "contract under review", "finance@acme");
        fixture.given(opened(null))
                .when(new org.ratebook.engine.account.api.SwitchAutomaticInvoicingCommand(TENANT, account, false,
                        " contract under review ", "finance@acme"))
                .expectEvents(off);
        fixture.given(opened(null), off)
                .when(new org.ratebook.engine.account.api.SwitchAutomaticInvoicingCommand(TENANT, account, false,
                        "again", "finance@acme"))
                .expectNoEvents();
        fixture.given(opened(null), off)
                .when(new org.ratebook.engine.account.api.SwitchAutomaticInvoicingCommand(TENANT, account, true, null,
                        "finance@acme"))
                .expectEvents(new org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOnEvent(TENANT, account,
                        today, "finance@acme"));
        fixture.given(opened(null))
                .when(new org.ratebook.engine.account.api.SwitchAutomaticInvoicingCommand(TENANT, account, true, null,
                        "finance@acme"))
                .expectNoEvents();
    }

    @Test
    void theSegmentChangesByItsOwnEventAndASegmentThatIsNotALowerCaseWordIsRefused() {
        fixture.given(opened(null))
                .when(new ChangeSegmentCommand(TENANT, account, "enterprise"))
                .expectEvents(new AccountSegmentChangedEvent(TENANT, account, "enterprise", LocalDate.of(2026, 1, 14)));
        fixture.given(opened("education"))
                .when(new ChangeSegmentCommand(TENANT, account, "Higher Education!"))
                .expectException(InvalidAccountException.class)
                .expectExceptionMessage("a customer segment is a lower-case word of at most 32 letters, digits, '-' "
                        + "or '_' starting with a letter (e.g. education), not 'Higher Education!'")
                .expectNoEvents();
        fixture.given(opened("education"))
                .when(new ChangeSegmentCommand(TENANT, account, "education"))
                .expectException(InvalidAccountException.class)
                .expectExceptionMessage("the account is already in the segment 'education'")
                .expectNoEvents();
        fixture.given(opened("education"))
                .when(new ChangeSegmentCommand(TENANT, account, null))
                .expectEvents(new AccountSegmentChangedEvent(TENANT, account, null, LocalDate.of(2026, 1, 14)));
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        fixture.givenNoPriorActivity().when(create("EURO", "UTC", null, null))
                .expectException(InvalidAccountException.class).expectExceptionMessage("unknown currency 'EURO'")
                .expectNoEvents();
    }

    @Test
    void aBillingCycleDayOutsideTheMonthIsRefused() {
        fixture.givenNoPriorActivity().when(create("EUR", "UTC", 32, null))
                .expectException(InvalidAccountException.class)
                .expectExceptionMessage("billCycleDay must be between 1 and 31, was 32")
                .expectNoEvents();
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        fixture.givenNoPriorActivity().when(create("EUR", "Mars/Olympus", null, null))
                .expectException(InvalidAccountException.class)
                .expectExceptionMessage("unknown time zone 'Mars/Olympus'")
                .expectNoEvents();
    }

    @Test
    void aCountryMustBeATwoLetterCode() {
        fixture.givenNoPriorActivity().when(create("EUR", "UTC", null, "Germany"))
                .expectException(InvalidAccountException.class)
                .expectNoEvents();
    }

    private static final LocalDate JAN_14 = LocalDate.of(2026, 1, 14);

    @Test
    void aGoodwillCreditIsGivenOnTheAccountsDayInItsCurrency() {
        fixture.given(opened(null))
                .when(new org.ratebook.engine.account.api.GiveAccountCreditCommand(TENANT, account, "cr-1",
                        new java.math.BigDecimal("10"), null, " Outage on 3 March ", "anna"))
                .expectEvents(new org.ratebook.engine.account.api.AccountCreditGivenEvent(TENANT, account, "cr-1",
                        new java.math.BigDecimal("10.00"), "EUR", "Outage on 3 March", JAN_14, "anna"));
    }

    @Test
    void aCreditGivenTwiceUnderOneIdIsGivenOnce() {
        fixture.given(opened(null), new org.ratebook.engine.account.api.AccountCreditGivenEvent(TENANT, account, "cr-1",
                        new java.math.BigDecimal("10.00"), "EUR", "Outage", JAN_14, "anna"))
                .when(new org.ratebook.engine.account.api.GiveAccountCreditCommand(TENANT, account, "cr-1",
                        new java.math.BigDecimal("10"), null, "Outage", "anna"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noMoreCreditIsTakenBackThanTheAccountHolds() {
        fixture.given(opened(null))
                .when(new org.ratebook.engine.account.api.TakeAccountCreditCommand(TENANT, account, "dr-1",
                        new java.math.BigDecimal("5.01"), "EUR", "Given twice", "anna", new java.math.BigDecimal("5.00")))
                .expectException(InvalidAccountException.class)
                .expectExceptionMessage("the account holds only 5.00 EUR of credit; 5.01 EUR cannot be taken")
                .expectNoEvents();
    }

    @Test
    void creditByHandNeedsAReason() {
        fixture.given(opened(null))
                .when(new org.ratebook.engine.account.api.GiveAccountCreditCommand(TENANT, account, "cr-1",
                        new java.math.BigDecimal("10"), null, " ", "anna"))
                .expectException(InvalidAccountException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotGiveCredit() {
        fixture.given(opened(null))
                .when(new org.ratebook.engine.account.api.GiveAccountCreditCommand(TenantId.of("intruder"), account,
                        "cr-1", new java.math.BigDecimal("10"), null, "Outage", "anna"))
                .expectException(org.ratebook.engine.NotFoundException.class)
                .expectNoEvents();
    }
}
