package org.ratebook.engine.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.AccountTaxDetailsChangedEvent;
import org.ratebook.engine.account.api.ChangeTaxDetailsCommand;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.account.domain.Account;
import org.ratebook.engine.account.domain.InvalidAccountException;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

class AccountTaxDetailsTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private final AccountId account = AccountId.random();
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        fixture.registerInjectableResource((TenantClocks) tenant -> clock);
    }

    private CreateAccountCommand french(String taxId, TaxDetails tax) {
        return new CreateAccountCommand(TENANT, account, "Globex SARL", null, "EUR", "FR", "Europe/Paris", null,
                List.of(), taxId, tax);
    }

    private AccountCreatedEvent opened(String country, String taxId) {
        return new AccountCreatedEvent(TENANT, account, "Globex SARL", null, "EUR", country, "Europe/Paris", 0,
                List.of(), taxId, TODAY);
    }

    @Test
    void aBusinessOpenedWithAValidVatIdHasItsTaxDetailsRecordedInTheSameStep() {
        fixture.givenNoPriorActivity()
                .when(french("fr 40 303 265 045", new TaxDetails(null, true, true, false, null)))
                .expectEvents(opened("FR", "fr 40 303 265 045"),
                        new AccountTaxDetailsChangedEvent(TENANT, account, "FR40303265045", null, true, true, false,
                                null, TODAY));
    }

    @Test
    void aValidVatIdMustCarryThePrefixOfTheCustomersCountry() {
        fixture.givenNoPriorActivity()
                .when(french("DE811907980", new TaxDetails(null, true, true, false, null)))
                .expectException(InvalidAccountException.class)
                .expectExceptionMessage("'DE811907980' is not a VAT id of FR: it must start with FR followed by 2 to "
                        + "12 letters or digits")
                .expectNoEvents();
    }

    @Test
    void aGreekVatIdStartsWithEl() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(TENANT, account, "Olympus AE", null, "EUR", "GR", "Europe/Athens", null,
                        List.of(), "EL094259216", new TaxDetails(null, true, true, false, null)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aValidTaxIdNeedsATaxId() {
        fixture.givenNoPriorActivity()
                .when(french(null, new TaxDetails(null, true, true, false, null)))
                .expectException(InvalidAccountException.class).expectExceptionMessage("taxIdValid needs a tax id")
                .expectNoEvents();
    }

    @Test
    void anExemptAccountMustSayWhy() {
        fixture.givenNoPriorActivity()
                .when(french(null, new TaxDetails(null, false, false, true, " ")))
                .expectException(InvalidAccountException.class)
                .expectNoEvents();
    }

    @Test
    void taxDetailsCanChangeLaterAndTheRegionIsUpperCased() {
        fixture.given(opened("US", null))
                .when(new ChangeTaxDetailsCommand(TENANT, account, "12-3456789",
                        new TaxDetails("ca", true, true, true, "resale certificate 99-123")))
                .expectEvents(new AccountTaxDetailsChangedEvent(TENANT, account, "12-3456789", "CA", true, true, true,
                        "resale certificate 99-123", TODAY));
    }

    @Test
    void anotherTenantCannotChangeTheTaxDetails() {
        fixture.given(opened("FR", null))
                .when(new ChangeTaxDetailsCommand(TenantId.of("other"), account, null, TaxDetails.NONE))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
