package org.ratebook.features;

import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.billing.OneOffCharges;
import org.ratebook.engine.invoicing.query.InvoiceQueries;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** One-off charges a seller enters for a customer. */
public class ChargeSteps {

    private final BillingWorld world;
    private final OneOffCharges charges;
    private final InvoiceQueries invoices;

    public ChargeSteps(BillingWorld world, OneOffCharges charges, InvoiceQueries invoices) {
        this.world = world;
        this.charges = charges;
        this.invoices = invoices;
    }

    @When("the seller charges {string} {int} x {money} for {string}")
    public void charge(String customer, int quantity, Money price, String description) {
        enter(customer, null, quantity, price, description, null);
    }

    @When("the seller charges {string} {int} x {money} for {string} on {date}")
    public void chargeOn(String customer, int quantity, Money price, String description, LocalDate day) {
        enter(customer, null, quantity, price, description, day);
    }

    @When("the seller charges {string} {money} for {string} with reference {string}")
    public void chargeWithReference(String customer, Money price, String description, String reference) {
        enter(customer, reference, 1, price, description, null);
    }

    @When("the seller tries to charge {string} {money} for {string}")
    public void triesToCharge(String customer, Money price, String description) {
        world.setLastRefusal(null);
        try {
            enter(customer, null, 1, price, description, null);
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    private void enter(String customer, String reference, int quantity, Money price, String description,
                       LocalDate day) {
        BillingWorld.Customer c = world.customer(customer);
        OneOffCharges.Entered entered = charges.enter(c.seller(), c.account(), reference, description,
                BigDecimal.valueOf(quantity), price.amount(), price.currency(), day);
        world.setLastRun(entered.billing());
        assertThat(invoices.awaitVisible(c.seller(), entered.billing().issued(), Duration.ofSeconds(10))).isTrue();
    }
}
