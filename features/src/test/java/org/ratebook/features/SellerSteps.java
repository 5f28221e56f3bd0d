package org.ratebook.features;

import io.cucumber.java.en.Given;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.infra.MutableClock;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Who bills whom, and what day it is. */
public class SellerSteps {

    /** The name of the seller of scenarios that do not name one. */
    static final String DEFAULT_SELLER = "Example Hosting GmbH";

    /** The default pack is in effect from long before any date a scenario uses. */
    private static final LocalDate PACK_EFFECTIVE_FROM = LocalDate.of(2000, 1, 1);

    private final BillingWorld world;
    private final TenantRegistry tenants;
    private final RulePackImports packs;
    private final CommandGateway commands;
    private final MutableClock clock;

    public SellerSteps(BillingWorld world, TenantRegistry tenants, RulePackImports packs, CommandGateway commands,
                       MutableClock clock) {
        this.world = world;
        this.tenants = tenants;
        this.packs = packs;
        this.commands = commands;
        this.clock = clock;
    }

    @Given("a seller that bills with the default rule pack")
    public void aSellerWithTheDefaultPack() {
        aNamedSellerWithTheDefaultPack(DEFAULT_SELLER);
    }

    @Given("a seller {string} that bills with the default rule pack")
    public void aNamedSellerWithTheDefaultPack(String name) {
        TenantId id = world.newSeller(name);
        tenants.create(new Tenant(id, name, List.of("Hauptstr. 1", "10115 Berlin"), "DE123456789"));
        packs.importShipped(id, RulePackLoader.DEFAULT_PACK, PACK_EFFECTIVE_FROM);
    }

    @Given("a customer {string} billed in {word}")
    public void aCustomer(String name, String currency) {
        openAccount(world.theSeller(), name, currency);
    }

    @Given("a customer {string} billed in {word} on billing day {int}")
    public void aCustomerWithBillingDay(String name, String currency, int billingDay) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(world.theSeller(), account, name, "billing@example.com",
                currency, "US", "UTC", billingDay, List.of(), null));
        world.addCustomer(new BillingWorld.Customer(name, world.theSeller(), account));
    }

    @Given("{string} has a customer {string} billed in {word}")
    public void aCustomerOf(String seller, String name, String currency) {
        openAccount(world.seller(seller), name, currency);
    }

    /**
     * Moves the engine's clock, which decides e.g. the start of a subscription without a start date. The clock
     * is shared by all scenarios and only moves forward; a scenario may not send it back.
     */
    @Given("today is {date}")
    public void todayIs(LocalDate day) {
        LocalDate current = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (day.isBefore(current)) {
            throw new IllegalStateException("the engine's clock is shared by all scenarios and only moves forward;"
                    + " it is already at " + BusinessDates.format(current) + ", so 'today is "
                    + BusinessDates.format(day) + "' cannot be set. Pass dates explicitly instead.");
        }
        clock.setDay(day);
    }

    private void openAccount(TenantId seller, String name, String currency) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(seller, account, name, "billing@example.com", currency, "DE",
                "Europe/Berlin", null, List.of("Customer Way 5", "80331 München"), null));
        world.addCustomer(new BillingWorld.Customer(name, seller, account));
    }
}
