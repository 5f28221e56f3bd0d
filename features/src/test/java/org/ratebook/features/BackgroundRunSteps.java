package org.ratebook.features;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.BillingRunConflict;
import org.ratebook.engine.billing.BillingRunJobs;
import org.ratebook.engine.billing.BillingRunResult;
import org.ratebook.engine.billing.BillingRunWorker;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.tenants.TenantId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A billing run as a background job (decision 027), worked by this node's worker as by any node's. To cancel a run
 * before it invoiced anyone, the worker is held back while the run is started and cancelled, and let go after.
 */
public class BackgroundRunSteps {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final BillingWorld world;
    private final BillingRunJobs jobs;
    private final BillingRunWorker worker;
    private final BillingRun billingRun;
    private final InvoiceQueries invoices;
    private UUID runId;
    private int invoicesBeforeResume;

    public BackgroundRunSteps(BillingWorld world, BillingRunJobs jobs, BillingRunWorker worker, BillingRun billingRun,
                              InvoiceQueries invoices) {
        this.world = world;
        this.jobs = jobs;
        this.worker = worker;
        this.billingRun = billingRun;
        this.invoices = invoices;
    }

    @After
    public void workerBack() {
        if (!worker.isRunning()) {
            worker.start();
        }
    }

    @Given("a billing run for {date} was started in the background and cancelled before it invoiced anyone")
    public void startedAndCancelled(LocalDate date) throws InterruptedException {
        worker.stop();
        try {
            runId = jobs.start(world.theSeller(), date, null, "finance");
            assertThat(jobs.cancel(world.theSeller(), runId).state()).isEqualTo("cancelled");
        } finally {
            worker.start();
        }
        Thread.sleep(1_500); // a worker's poll: a cancelled run's customers are not picked up
    }

    @Then("the cancelled billing run has invoiced nothing, with {int} of {int} customers done")
    public void cancelledWithNothing(int done, int due) {
        BillingRunJobs.Progress run = jobs.find(world.theSeller(), runId);
        assertThat(run.state()).isEqualTo("cancelled");
        assertThat(run.invoices()).isZero();
        assertThat(run.accountsDone()).as("customers done").isEqualTo(done);
        assertThat(run.accountsDue()).as("customers due").isEqualTo(due);
    }

    @When("{string} alone is invoiced for {date}")
    public void invoicedAlone(String customer, LocalDate date) {
        TenantId seller = world.theSeller();
        BillingRunResult result = billingRun.runAccount(seller, world.customer(customer).account(), date);
        assertThat(result.issued()).hasSize(1);
        assertThat(invoices.awaitVisible(seller, result.issued(), WAIT)).isTrue();
    }

    @When("the cancelled billing run is resumed")
    public void resumed() {
        invoicesBeforeResume = invoices.latest(world.theSeller(), 1_000).size();
        assertThat(jobs.resume(world.theSeller(), runId).state()).isEqualTo("running");
    }

    @Then("the billing run finishes with {int} of {int} customers done, {int} invoice(s) and {money} invoiced")
    public void finishes(int done, int due, int count, Money amount) throws InterruptedException {
        TenantId seller = world.theSeller();
        long deadline = System.nanoTime() + WAIT.toNanos();
        BillingRunJobs.Progress run = jobs.find(seller, runId);
        while (run.running() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            run = jobs.find(seller, runId);
        }
        assertThat(run.state()).as("the run's state").isEqualTo("finished");
        assertThat(run.accountsDone()).as("customers done").isEqualTo(done);
        assertThat(run.accountsDue()).as("customers due").isEqualTo(due);
        assertThat(run.invoices()).as("invoices the run issued").isEqualTo(count);
        assertThat(run.amounts()).containsOnlyKeys(amount.currency());
        assertThat(run.amounts().get(amount.currency())).isEqualByComparingTo(amount.amount());
        // the run's own invoices readable, as the invoice list would show them
        long visible = System.nanoTime() + WAIT.toNanos();
        while (invoices.latest(seller, 1_000).size() < invoicesBeforeResume + count && System.nanoTime() < visible) {
            Thread.sleep(50);
        }
    }

    @Then("cancelling the finished billing run is refused because {string}")
    public void cancellingRefused(String reason) {
        assertThatThrownBy(() -> jobs.cancel(world.theSeller(), runId)).isInstanceOf(BillingRunConflict.class)
                .hasMessageContaining(reason);
    }
}
