package org.ratebook.features;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.BillingSettings;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sandbox sellers with their own test clocks, and the seller's invoicing settings. */
public class SandboxSteps {

    private final BillingWorld world;
    private final TenantRegistry tenants;
    private final RulePackImports packs;
    private final TestClocks testClocks;
    private final InvoiceQueries invoices;

    public SandboxSteps(BillingWorld world, TenantRegistry tenants, RulePackImports packs, TestClocks testClocks,
                        InvoiceQueries invoices) {
        this.world = world;
        this.tenants = tenants;
        this.packs = packs;
        this.testClocks = testClocks;
        this.invoices = invoices;
    }

    @Given("a sandbox seller whose test clock reads {date}")
    public void sandboxSeller(LocalDate today) {
        TenantId id = world.newSeller("Sandbox Hosting");
        tenants.createSandbox(new Tenant(id, "Sandbox Hosting", List.of(), null),
                today.atStartOfDay(ZoneOffset.UTC).toInstant());
        packs.importShipped(id, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
    }

    @When("the seller advances its test clock to {date}")
    public void advance(LocalDate to) {
        TestClocks.Advanced advanced = testClocks.advance(world.theSeller(), to.atStartOfDay(ZoneOffset.UTC).toInstant());
        world.setLastRun(advanced.billing());
        assertThat(invoices.awaitVisible(world.theSeller(), advanced.billing().issued(), Duration.ofSeconds(10))).isTrue();
    }

    @When("the seller tries to move its test clock to {date}")
    public void triesToMove(LocalDate to) {
        try {
            testClocks.advance(world.theSeller(), to.atStartOfDay(ZoneOffset.UTC).toInstant());
            world.setLastRefusal(null);
        } catch (BillingRejection e) {
            world.setLastRefusal(e);
        }
    }

    @Then("the seller's test clock reads {date}")
    public void clockReads(LocalDate day) {
        assertThat(testClocks.now(world.theSeller())).isEqualTo(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Given("the seller numbers its invoices {string} with prefix {string} and payment terms of {int} days")
    public void numbering(String format, String prefix, int days) {
        tenants.updateBillingSettings(world.theSeller(), new BillingSettings(prefix, format, days));
    }

    /** Numbers per customer (Lago) or per seller; the payment terms stay as they are. */
    @Given("the seller numbers its invoices {string} with prefix {string} per {word}")
    public void numberingScope(String format, String prefix, String scope) {
        BillingSettings now = tenants.billingSettings(world.theSeller());
        tenants.updateBillingSettings(world.theSeller(), new BillingSettings(prefix, format, now.paymentTermsDays(),
                now.draftReviewHours(), switch (scope) {
                    case "customer" -> org.ratebook.tenants.NumberingScope.CUSTOMER;
                    case "seller" -> org.ratebook.tenants.NumberingScope.TENANT;
                    default -> throw new IllegalArgumentException("numbers run per customer or per seller, not " + scope);
                }));
    }

    @When("the seller tries to number its invoices {string} per customer")
    public void tryNumberingPerCustomer(String format) {
        world.setLastRefusal(null);
        BillingSettings now = tenants.billingSettings(world.theSeller());
        try {
            tenants.updateBillingSettings(world.theSeller(), new BillingSettings(now.invoicePrefix(), format,
                    now.paymentTermsDays(), now.draftReviewHours(), org.ratebook.tenants.NumberingScope.CUSTOMER));
        } catch (IllegalArgumentException refused) {
            world.setLastRefusal(new org.ratebook.engine.BillingRejection(refused.getMessage()));
        }
    }

    @Then("invoice {word} is due on {date}")
    public void dueOn(String number, LocalDate due) {
        assertThat(invoices.latest(world.theSeller(), 500).stream().filter(i -> number.equals(i.number())))
                .as("invoice %s", number).singleElement()
                .satisfies(i -> assertThat(i.dueDate()).isEqualTo(due));
    }
}
