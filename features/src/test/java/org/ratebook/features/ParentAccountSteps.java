package org.ratebook.features;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.account.api.SetParentAccountCommand;

/** Parent accounts: groups, branches and resellers' customers whose charges the parent pays. */
public class ParentAccountSteps {

    private final BillingWorld world;
    private final CommandGateway commands;

    public ParentAccountSteps(BillingWorld world, CommandGateway commands) {
        this.world = world;
        this.commands = commands;
    }

    @Given("{string} is a branch of {string}, which receives its invoices")
    public void invoicedToParent(String child, String parent) {
        set(child, parent, true);
    }

    @Given("{string} is a branch of {string}, and receives its own invoices")
    public void ownInvoices(String child, String parent) {
        set(child, parent, false);
    }

    @When("the seller tries to make {string} a branch of {string}, which receives its invoices")
    public void tries(String child, String parent) {
        world.setLastRefusal(null);
        try {
            set(child, parent, true);
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    private void set(String child, String parent, boolean invoiceParent) {
        BillingWorld.Customer c = world.customer(child);
        commands.sendAndWait(new SetParentAccountCommand(c.seller(), c.account(), world.customer(parent).account(),
                invoiceParent));
    }
}
