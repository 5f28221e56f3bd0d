package org.ratebook.features;

import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.payment.AccountCredits;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Account credit given and taken back by hand by the seller (decision 025). */
public class AccountCreditSteps {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BillingWorld world;
    private final AccountCredits credits;
    private final InvoiceQueries invoices;

    public AccountCreditSteps(BillingWorld world, AccountCredits credits, InvoiceQueries invoices) {
        this.world = world;
        this.credits = credits;
        this.invoices = invoices;
    }

    @When("the seller gives {string} a credit of {money} because {string}")
    public void give(String customer, Money amount, String reason) {
        BillingWorld.Customer c = world.customer(customer);
        BigDecimal before = credit(c, amount.currency());
        credits.give(c.seller(), c.account(), null, amount.amount(), amount.currency(), reason, "finance@seller");
        awaitCredit(c, amount.currency(), before.add(amount.amount()));
    }

    @When("the seller tries to give {string} a credit of {money} because {string}")
    public void tryGive(String customer, Money amount, String reason) {
        BillingWorld.Customer c = world.customer(customer);
        world.setLastRefusal(null);
        try {
            credits.give(c.seller(), c.account(), null, amount.amount(), amount.currency(), reason, "finance@seller");
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    @When("the seller takes {money} of credit back from {string} because {string}")
    public void take(Money amount, String customer, String reason) {
        BillingWorld.Customer c = world.customer(customer);
        BigDecimal before = credit(c, amount.currency());
        credits.take(c.seller(), c.account(), null, amount.amount(), amount.currency(), reason, "finance@seller");
        awaitCredit(c, amount.currency(), before.subtract(amount.amount()));
    }

    @When("the seller tries to take {money} of credit back from {string} because {string}")
    public void tryTake(Money amount, String customer, String reason) {
        BillingWorld.Customer c = world.customer(customer);
        world.setLastRefusal(null);
        try {
            credits.take(c.seller(), c.account(), null, amount.amount(), amount.currency(), reason, "finance@seller");
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    private BigDecimal credit(BillingWorld.Customer c, String currency) {
        return invoices.balance(c.seller(), c.account().value(), currency).credit();
    }

    private void awaitCredit(BillingWorld.Customer c, String currency, BigDecimal expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (credit(c, currency).compareTo(expected) != 0) {
            assertThat(System.nanoTime()).as("credit of %s visible in time", c.name()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
