package org.ratebook.features;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.InvoiceDrafts;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.payment.InvoicePayments;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.TenantRegistry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts: invoices a seller reviews before they are numbered and owed. */
public class DraftSteps {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BillingWorld world;
    private final TenantRegistry tenants;
    private final InvoiceDrafts drafts;
    private final InvoiceQueries invoices;
    private final InvoicePayments payments;

    public DraftSteps(BillingWorld world, TenantRegistry tenants, InvoiceDrafts drafts, InvoiceQueries invoices,
                      InvoicePayments payments) {
        this.world = world;
        this.tenants = tenants;
        this.drafts = drafts;
        this.invoices = invoices;
        this.payments = payments;
    }

    @Given("the seller reviews its invoices as drafts for {int} hours")
    public void reviewsDrafts(int hours) {
        BillingSettings now = tenants.billingSettings(world.theSeller());
        tenants.updateBillingSettings(world.theSeller(), new BillingSettings(now.invoicePrefix(),
                now.invoiceNumberFormat(), now.paymentTermsDays(), hours));
    }

    @Then("{string} has a draft invoice dated {date} of {money}, without a number")
    public void hasDraft(String customer, LocalDate date, Money total) {
        InvoiceView draft = draftOf(customer, date);
        assertThat(draft.number()).as("number of the draft").isNull();
        assertThat(draft.dueDate()).as("due date of the draft").isNull();
        assertThat(draft.currency()).isEqualTo(total.currency());
        assertThat(draft.total()).as("total of the draft").isEqualByComparingTo(total.amount());
        assertThat(draft.balance()).as("what the draft asks for").isZero();
    }

    @Then("{string} has no draft invoices")
    public void noDrafts(String customer) {
        UUID account = world.customer(customer).account().value();
        assertThat(invoices.latest(world.theSeller(), 500)).filteredOn(i -> i.accountId().equals(account))
                .filteredOn(i -> "DRAFT".equals(i.status())).as("drafts of %s", customer).isEmpty();
    }

    @When("the seller finalizes the draft of {string} dated {date}")
    public void finalizeDraft(String customer, LocalDate date) {
        UUID id = draftOf(customer, date).invoiceId();
        drafts.finalizeDraft(world.theSeller(), id);
        assertThat(invoices.awaitStatus(world.theSeller(), id, "FINALIZED", WAIT)).isTrue();
    }

    @When("the seller discards the draft of {string} dated {date}")
    public void discard(String customer, LocalDate date) {
        UUID id = draftOf(customer, date).invoiceId();
        drafts.discard(world.theSeller(), id, "wrong quantity");
        assertThat(invoices.awaitStatus(world.theSeller(), id, "DISCARDED", WAIT)).isTrue();
    }

    @When("the seller tries to finalize invoice {word}")
    public void triesToFinalize(String number) {
        UUID id = numbered(number).invoiceId();
        attempt(() -> drafts.finalizeDraft(world.theSeller(), id));
    }

    @When("the seller tries to discard invoice {word}")
    public void triesToDiscard(String number) {
        UUID id = numbered(number).invoiceId();
        attempt(() -> drafts.discard(world.theSeller(), id, "changed my mind"));
    }

    @When("{string} tries to pay {money} on the draft of {string} dated {date}")
    public void triesToPayDraft(String payer, Money amount, String customer, LocalDate date) {
        UUID id = draftOf(customer, date).invoiceId();
        attempt(() -> payments.recordReceived(world.theSeller(), id, null, amount.amount(), amount.currency(), null,
                "transfer"));
    }

    @When("the seller tries to issue a credit note of {money} on the draft of {string} dated {date}")
    public void triesToCreditDraft(Money amount, String customer, LocalDate date) {
        UUID id = draftOf(customer, date).invoiceId();
        attempt(() -> payments.creditNote(world.theSeller(), id, null, amount.amount(), amount.currency(),
                "goodwill"));
    }

    private void attempt(Runnable action) {
        try {
            action.run();
            world.setLastRefusal(null);
        } catch (BillingRejection e) {
            world.setLastRefusal(e);
        }
    }

    private InvoiceView numbered(String number) {
        return invoices.latest(world.theSeller(), 500).stream().filter(i -> number.equals(i.number())).findFirst()
                .orElseThrow(() -> new AssertionError("no invoice " + number));
    }

    private InvoiceView draftOf(String customer, LocalDate date) {
        UUID account = world.customer(customer).account().value();
        List<InvoiceView> found = invoices.latest(world.theSeller(), 500).stream()
                .filter(i -> i.accountId().equals(account) && i.invoiceDate().equals(date)
                        && "DRAFT".equals(i.status())).toList();
        assertThat(found).as("drafts of %s dated %s", customer, date).hasSize(1);
        return found.getFirst();
    }
}
