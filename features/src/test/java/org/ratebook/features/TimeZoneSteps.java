package org.ratebook.features;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.testclock.TestClocks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers in time zones other than UTC, and a test clock moved to a time of day. */
public class TimeZoneSteps {

    private final BillingWorld world;
    private final CommandGateway commands;
    private final TestClocks testClocks;
    private final InvoiceQueries invoices;

    public TimeZoneSteps(BillingWorld world, CommandGateway commands, TestClocks testClocks, InvoiceQueries invoices) {
        this.world = world;
        this.commands = commands;
        this.testClocks = testClocks;
        this.invoices = invoices;
    }

    @Given("a customer {string} in time zone {word} billed in {word} on billing day {int}")
    public void aCustomerInTimeZone(String name, String zone, String currency, int billingDay) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(world.theSeller(), account, name, "billing@example.com",
                currency, "US", zone, billingDay, List.of(), null));
        world.addCustomer(new BillingWorld.Customer(name, world.theSeller(), account));
    }

    /** A time of day in UTC, like "07:30". */
    @When("the seller advances its test clock to {date} at {word} UTC")
    public void advanceTo(LocalDate day, String time) {
        TestClocks.Advanced advanced = testClocks.advance(world.theSeller(),
                day.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC));
        world.setLastRun(advanced.billing());
        assertThat(invoices.awaitVisible(world.theSeller(), advanced.billing().issued(), Duration.ofSeconds(10)))
                .isTrue();
    }
}
