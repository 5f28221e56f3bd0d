package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Add-ons around their base's life (cancelled, terminated, reinstated) and plan changes that name a price list,
 * for customers with several subscriptions (named by plan).
 */
public class AddOnSteps {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final BillingWorld world;
    private final ScenarioPack pack;
    private final CommandGateway commands;
    private final SubscriptionProjection subscriptions;
    private final SubscriptionChanges changes;
    private final InvoiceQueries invoices;
    private final JdbcTemplate jdbc;
    private int eventsBefore;

    public AddOnSteps(BillingWorld world, ScenarioPack pack, CommandGateway commands,
                      SubscriptionProjection subscriptions, SubscriptionChanges changes, InvoiceQueries invoices,
                      JdbcTemplate jdbc) {
        this.world = world;
        this.pack = pack;
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.invoices = invoices;
        this.jdbc = jdbc;
    }

    /** The suspension rules of the table as a new version of the pack the scenario bills with (its catalog kept). */
    @Given("the seller publishes from {date} this suspension policy with its price lists:")
    public void publishesPolicyWithPriceLists(LocalDate from, DataTable table) {
        RulePackContent c = pack.current();
        List<DrlSource> sources = new ArrayList<>(c.sources());
        sources.removeIf(s -> s.category() == RuleCategory.SUSPENSION);
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl", DunningSteps.drl(table.asMaps())));
        RulePackId id = new RulePackId(world.theSeller());
        int version = commands.sendAndWait(new SaveRulePackDraftCommand(id, new RulePackContent(c.name(), c.plans(),
                sources, c.dayCount(), c.rounding(), c.tables(), c.taxSettings()), "analyst"));
        commands.sendAndWait(new ApproveRulePackCommand(id, version, "controller"));
        commands.sendAndWait(new PublishRulePackCommand(id, version, from, "controller"));
    }

    @When("{string} cancels its {string} subscription at the end of the term")
    public void cancelsAtEndOfTerm(String customer, String plan) {
        apply(customer, plan, id -> new CancelSubscriptionCommand(seller(customer), id, ChangeTiming.END_OF_TERM,
                null));
    }

    @When("{string} reinstates its {string} subscription")
    public void reinstates(String customer, String plan) {
        apply(customer, plan, id -> new ReinstateSubscriptionCommand(seller(customer), id));
    }

    @When("{string} changes to the {string} plan on the {string} price list on {date}")
    public void changesOnPriceList(String customer, String plan, String priceList, LocalDate day) {
        SubscriptionView only = onlySubscription(customer);
        apply(customer, only.plan(), id -> new ChangePlanCommand(seller(customer), id, plan, null, day, priceList));
    }

    @When("{string} tries to change to the {string} plan on the {string} price list on {date}")
    public void triesToChangeOnPriceList(String customer, String plan, String priceList, LocalDate day) {
        eventsBefore = events();
        world.setLastRefusal(null);
        try {
            changesOnPriceList(customer, plan, priceList, day);
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    @Then("nothing was recorded by the refused change")
    public void nothingRecorded() {
        assertThat(events()).as("events stored after the refused change").isEqualTo(eventsBefore);
    }

    @Then("the plan change of {string} names the price list {string}")
    public void planChangeNamesList(String customer, String priceList) {
        List<String> payloads = payloads(onlySubscription(customer).subscriptionId(), "PlanChangedEvent");
        assertThat(payloads).as("plan changes of %s", customer).hasSize(1);
        try {
            assertThat(JSON.readTree(payloads.getFirst()).path("priceList").asText()).as("the plan change as stored")
                    .isEqualTo(priceList);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Then("the {string} subscription of {string} is cancelled from {date} because {string}")
    public void cancelledBecause(String plan, String customer, LocalDate from, String reason) {
        SubscriptionView s = subscriptionOf(customer, plan);
        assertThat(s.state()).as("state of the %s subscription of %s", plan, customer).isEqualTo("CANCELLED");
        assertThat(s.endsOn()).as("end of the %s subscription of %s", plan, customer).isEqualTo(from);
        assertThat(subscriptions.cancellationReason(seller(customer), s.subscriptionId()))
                .as("why the %s subscription was cancelled", plan).contains(reason);
    }

    /** Exactly one cancellation event: ended once, not refused or repeated by a second path. */
    @Then("the {string} subscription of {string} was cancelled exactly once")
    public void cancelledOnce(String plan, String customer) {
        assertThat(payloads(subscriptionOf(customer, plan).subscriptionId(), "SubscriptionCancelledEvent"))
                .as("cancellations recorded for the %s subscription of %s", plan, customer).hasSize(1);
    }

    private interface Change {
        Object of(SubscriptionId id);
    }

    private void apply(String customer, String plan, Change change) {
        SubscriptionId id = subscriptionOf(customer, plan).subscriptionId();
        SubscriptionChanges.Changed changed = changes.apply(seller(customer), id, change.of(id));
        world.setLastRun(changed.billing());
        assertThat(invoices.awaitVisible(seller(customer), changed.billing().issued(), Duration.ofSeconds(10)))
                .isTrue();
    }

    private List<String> payloads(SubscriptionId id, String eventType) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE ? ORDER BY sequence_number""",
                String.class, id.toString(), "%." + eventType);
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    private org.ratebook.tenants.TenantId seller(String customer) {
        return world.customer(customer).seller();
    }

    private SubscriptionView onlySubscription(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        List<SubscriptionView> all = subscriptions.ofAccount(c.seller(), c.account());
        assertThat(all).as("subscriptions of %s", customer).hasSize(1);
        return all.getFirst();
    }

    private SubscriptionView subscriptionOf(String customer, String plan) {
        BillingWorld.Customer c = world.customer(customer);
        List<SubscriptionView> matching = subscriptions.ofAccount(c.seller(), c.account()).stream()
                .filter(s -> s.plan().equals(plan)).toList();
        assertThat(matching).as("%s subscriptions of %s", plan, customer).hasSize(1);
        return matching.getFirst();
    }
}
