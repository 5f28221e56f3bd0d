package org.ratebook.features;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.tenants.TenantId;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing run, always for an explicit date: the scenarios never depend on the shared clock for what is
 * due. A run waits until the invoices it issued can be read, as the console would show them.
 */
public class BillingSteps {

    private static final Duration READ_MODEL_TIMEOUT = Duration.ofSeconds(10);

    private final BillingWorld world;
    private final BillingRun billingRun;
    private final InvoiceQueries invoices;

    public BillingSteps(BillingWorld world, BillingRun billingRun, InvoiceQueries invoices) {
        this.world = world;
        this.billingRun = billingRun;
        this.invoices = invoices;
    }

    @When("the billing run runs for {date}")
    public void theBillingRunRuns(LocalDate date) {
        run(world.theSeller(), date);
    }

    @Given("the billing run has run for {date}")
    public void theBillingRunHasRun(LocalDate date) {
        run(world.theSeller(), date);
    }

    @When("the billing run runs again for {date}")
    public void theBillingRunRunsAgain(LocalDate date) {
        run(world.theSeller(), date);
    }

    @When("the billing run of {string} runs for {date}")
    public void theBillingRunOfRuns(String seller, LocalDate date) {
        run(world.seller(seller), date);
    }

    @Then("a billing run for {date} issues no invoice")
    public void aBillingRunIssuesNoInvoice(LocalDate date) {
        run(world.theSeller(), date);
        noInvoiceIsIssued();
        theBillingRunReportsNoProblems();
    }

    @Then("no invoice is issued")
    public void noInvoiceIsIssued() {
        assertThat(world.lastRun().issued()).as("invoices issued by the billing run").isEmpty();
    }

    @Then("exactly {int} invoice(s) is/are issued")
    public void exactlyInvoicesAreIssued(int count) {
        assertThat(world.lastRun().issued()).as("invoices issued by the billing run").hasSize(count);
    }

    @Then("the billing run reports {int} invoice(s) as already issued")
    public void alreadyIssued(int count) {
        assertThat(world.lastRun().alreadyInvoiced()).as("invoices the billing run found already issued")
                .isEqualTo(count);
    }

    @Then("the billing run reports that {string} could not be billed because {string}")
    public void couldNotBeBilled(String customer, String reason) {
        assertThat(world.lastRun().failures()).as("accounts the billing run could not bill")
                .anySatisfy(f -> {
                    assertThat(f.account()).isEqualTo(world.customer(customer).account());
                    assertThat(f.reason()).contains(reason);
                });
        assertThat(world.lastRun().failures()).as("accounts the billing run could not bill").hasSize(1);
    }

    @Then("the billing run reports no problems")
    public void theBillingRunReportsNoProblems() {
        assertThat(world.lastRun().problems()).as("problems reported by the billing run").isEmpty();
    }

    private void run(TenantId seller, LocalDate date) {
        BillingRunResult result = billingRun.run(seller, date);
        world.setLastRun(result);
        assertThat(invoices.awaitVisible(seller, result.issued(), READ_MODEL_TIMEOUT))
                .as("the %d invoice(s) issued by the billing run of %s for %s become readable within %s",
                        result.issued().size(), world.sellerName(seller), BusinessDates.format(date),
                        READ_MODEL_TIMEOUT)
                .isTrue();
    }
}
