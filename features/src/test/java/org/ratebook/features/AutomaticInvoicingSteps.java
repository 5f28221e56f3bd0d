package org.ratebook.features;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.billing.AutomaticInvoicing;
import org.ratebook.engine.invoicing.query.InvoiceQueries;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Automatic invoicing switched off and back on per customer (Kill Bill's AUTO_INVOICING_OFF, decision 028). */
public class AutomaticInvoicingSteps {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BillingWorld world;
    private final AutomaticInvoicing automaticInvoicing;
    private final InvoiceQueries invoices;

    public AutomaticInvoicingSteps(BillingWorld world, AutomaticInvoicing automaticInvoicing, InvoiceQueries invoices) {
        this.world = world;
        this.automaticInvoicing = automaticInvoicing;
        this.invoices = invoices;
    }

    @When("the seller switches automatic invoicing of {string} off because {string}")
    public void switchOff(String customer, String reason) {
        BillingWorld.Customer c = world.customer(customer);
        automaticInvoicing.switchTo(c.seller(), c.account(), false, reason, "finance@seller");
    }

    @When("the seller switches automatic invoicing of {string} back on")
    public void switchOn(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        AutomaticInvoicing.Switched switched = automaticInvoicing.switchTo(c.seller(), c.account(), true, null,
                "finance@seller");
        world.setLastRun(switched.billing());
        assertThat(invoices.awaitVisible(c.seller(), switched.billing().issued(), WAIT)).isTrue();
    }

    @Then("automatic invoicing of {string} is off since {date}")
    public void isOff(String customer, java.time.LocalDate since) {
        BillingWorld.Customer c = world.customer(customer);
        var state = automaticInvoicing.of(c.seller(), c.account());
        assertThat(state.off()).as("automatic invoicing of %s off", customer).isTrue();
        assertThat(state.offSince()).isEqualTo(since);
    }
}
