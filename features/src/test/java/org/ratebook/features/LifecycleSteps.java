package org.ratebook.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.ChangeQuantityCommand;
import org.ratebook.engine.subscription.api.PauseSubscriptionCommand;
import org.ratebook.engine.subscription.api.ReinstateSubscriptionCommand;
import org.ratebook.engine.subscription.api.ResumeSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes to a customer's subscription (its only one): plan, seats, pause, resume, cancel, reinstate. Each is
 * made "today" by the seller's clock and bills the customer's account at once, as the API does.
 */
public class LifecycleSteps {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BillingWorld world;
    private final SubscriptionChanges changes;
    private final SubscriptionProjection subscriptions;
    private final InvoiceQueries invoices;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private int invoicesBeforeAttempt = -1;

    public LifecycleSteps(BillingWorld world, SubscriptionChanges changes, SubscriptionProjection subscriptions,
                          InvoiceQueries invoices, TenantScope tenantScope, JdbcTemplate jdbc) {
        this.world = world;
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
    }

    @When("{string} changes to the {string} plan at once")
    public void changePlanAtOnce(String customer, String plan) {
        change(customer, id -> new ChangePlanCommand(seller(customer), id, plan, ChangeTiming.IMMEDIATE, null));
    }

    @When("{string} changes to the {string} plan at the end of the term")
    public void changePlanAtEndOfTerm(String customer, String plan) {
        change(customer, id -> new ChangePlanCommand(seller(customer), id, plan, ChangeTiming.END_OF_TERM, null));
    }

    @When("{string} changes to the {string} plan")
    public void changePlanByPolicy(String customer, String plan) {
        change(customer, id -> new ChangePlanCommand(seller(customer), id, plan, null, null));
    }

    @When("{string} changes to the {string} plan on {date}")
    public void changePlanOn(String customer, String plan, LocalDate day) {
        change(customer, id -> new ChangePlanCommand(seller(customer), id, plan, null, day));
    }

    @When("{string} changes to {int} seats at once")
    public void changeSeatsAtOnce(String customer, int seats) {
        change(customer, id -> new ChangeQuantityCommand(seller(customer), id, seats, ChangeTiming.IMMEDIATE, null));
    }

    @When("{string} changes to {int} seats from the next billing day")
    public void changeSeatsAtEndOfTerm(String customer, int seats) {
        change(customer, id -> new ChangeQuantityCommand(seller(customer), id, seats, ChangeTiming.END_OF_TERM, null));
    }

    @When("{string} changes to the {string} plan at once, invoicing the proration now")
    public void changePlanInvoicingNow(String customer, String plan) {
        changePlanProrating(customer, plan, ProrationBehaviour.ALWAYS_INVOICE);
    }

    @When("{string} changes to the {string} plan at once, carrying the proration to the next invoice")
    public void changePlanCarrying(String customer, String plan) {
        changePlanProrating(customer, plan, ProrationBehaviour.CREATE_PRORATIONS);
    }

    @When("{string} changes to the {string} plan at once, without proration")
    public void changePlanWithoutProration(String customer, String plan) {
        changePlanProrating(customer, plan, ProrationBehaviour.NONE);
    }

    private void changePlanProrating(String customer, String plan, ProrationBehaviour behaviour) {
        change(customer, id -> new ChangePlanCommand(seller(customer), id, plan, ChangeTiming.IMMEDIATE, null, null,
                behaviour));
    }

    @When("{string} changes to {int} seats at once, carrying the proration to the next invoice")
    public void changeSeatsCarrying(String customer, int seats) {
        change(customer, id -> new ChangeQuantityCommand(seller(customer), id, seats, ChangeTiming.IMMEDIATE, null,
                ProrationBehaviour.CREATE_PRORATIONS));
    }

    @Then("the change's proration is {word} by the rule {string}")
    public void prorationByRule(String behaviour, String rule) {
        JsonNode event = lastEvent();
        assertThat(event.path("proration").asText()).as("proration behaviour of the change").isEqualTo(behaviour);
        assertThat(event.path("prorationDecidedBy").asText()).as("rule that chose it").isEqualTo(rule);
    }

    @Then("the change's proration is {word} as the request said")
    public void prorationByRequest(String behaviour) {
        JsonNode event = lastEvent();
        assertThat(event.path("proration").asText()).as("proration behaviour of the change").isEqualTo(behaviour);
        assertThat(event.path("prorationDecidedBy").isNull() || event.path("prorationDecidedBy").isMissingNode())
                .as("no rule chose it").isTrue();
    }

    @When("{string} cancels its subscription at once")
    public void cancelAtOnce(String customer) {
        change(customer, id -> new CancelSubscriptionCommand(seller(customer), id, ChangeTiming.IMMEDIATE, null));
    }

    @When("{string} cancels its subscription at the end of the term")
    public void cancelAtEndOfTerm(String customer) {
        change(customer, id -> new CancelSubscriptionCommand(seller(customer), id, ChangeTiming.END_OF_TERM, null));
    }

    @When("{string} cancels its subscription")
    public void cancelByPolicy(String customer) {
        change(customer, id -> new CancelSubscriptionCommand(seller(customer), id, null, null));
    }

    @When("{string} pauses its subscription")
    public void pause(String customer) {
        change(customer, id -> new PauseSubscriptionCommand(seller(customer), id, null));
    }

    @When("{string} resumes its subscription")
    public void resume(String customer) {
        change(customer, id -> new ResumeSubscriptionCommand(seller(customer), id, null));
    }

    @When("{string} reinstates its subscription")
    public void reinstate(String customer) {
        change(customer, id -> new ReinstateSubscriptionCommand(seller(customer), id));
    }

    @When("{string} tries to change to {int} seats at once")
    public void triesSeats(String customer, int seats) {
        attempt(customer, () -> changeSeatsAtOnce(customer, seats));
    }

    @When("{string} tries to change to the {string} plan at once")
    public void triesPlan(String customer, String plan) {
        attempt(customer, () -> changePlanAtOnce(customer, plan));
    }

    @When("{string} tries to change to the {string} plan on {date}")
    public void triesPlanOn(String customer, String plan, LocalDate day) {
        attempt(customer, () -> changePlanOn(customer, plan, day));
    }

    @When("{string} tries to reinstate its subscription")
    public void triesReinstate(String customer) {
        attempt(customer, () -> reinstate(customer));
    }

    @When("{string} tries to resume its subscription")
    public void triesResume(String customer) {
        attempt(customer, () -> resume(customer));
    }

    @Then("the change is refused with a reason mentioning {string}")
    public void refused(String reason) {
        assertThat(world.lastRefusal()).as("the refusal of the change").isNotNull();
        assertThat(world.lastRefusal().getMessage()).as("the reason given").contains(reason);
    }

    @Then("{string} still has {int} seat(s) of the {string} plan and nothing more was invoiced")
    public void unchanged(String customer, int seats, String plan) {
        SubscriptionView s = subscriptionOf(customer);
        assertThat(s.plan()).as("plan of %s", customer).isEqualTo(plan);
        assertThat(s.quantity()).as("seats of %s", customer).isEqualTo(seats);
        assertThat(s.phases()).as("timeline of %s", customer).allSatisfy(p -> {
            assertThat(p.plan()).isEqualTo(plan);
            assertThat(p.quantity()).isEqualTo(seats);
        });
        assertThat(invoices.latest(world.theSeller(), 500)).as("invoices after the refused change")
                .hasSize(invoicesBeforeAttempt);
    }

    @Then("the change took effect on {date} by the rule {string}")
    public void tookEffectByRule(LocalDate day, String rule) {
        JsonNode event = lastEvent();
        assertThat(event.path("effectiveOn").asText()).as("day the change takes effect").isEqualTo(day.toString());
        assertThat(event.path("decidedBy").asText()).as("rule that timed the change").isEqualTo(rule);
    }

    @Then("the cancellation took effect on {date}")
    public void cancellationTookEffect(LocalDate day) {
        JsonNode event = lastEvent();
        assertThat(event.path("effectiveOn").asText()).as("day the cancellation takes effect")
                .isEqualTo(day.toString());
        assertThat(subscriptionOf(only()).endsOn()).isEqualTo(day);
    }

    private void change(String customer, Function<SubscriptionId, Object> command) {
        SubscriptionId id = subscriptionOf(customer).subscriptionId();
        SubscriptionChanges.Changed changed = changes.apply(seller(customer), id, command.apply(id));
        world.setLastRun(changed.billing());
        assertThat(invoices.awaitVisible(seller(customer), changed.billing().issued(), WAIT)).isTrue();
    }

    private void attempt(String customer, Runnable change) {
        world.setLastRefusal(null);
        invoicesBeforeAttempt = invoices.latest(world.theSeller(), 500).size();
        try {
            change.run();
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    private org.ratebook.tenants.TenantId seller(String customer) {
        return world.customer(customer).seller();
    }

    private String lastCustomer;

    private String only() {
        return lastCustomer;
    }

    /** The customer's one subscription, as its seller sees it. */
    private SubscriptionView subscriptionOf(String customer) {
        lastCustomer = customer;
        BillingWorld.Customer c = world.customer(customer);
        List<UUID> ids = tenantScope.call(c.seller(), () -> jdbc.queryForList(
                "SELECT subscription_id FROM subscriptions WHERE tenant_id = ? AND account_id = ?", UUID.class,
                c.seller().value(), c.account().value()));
        assertThat(ids).as("subscriptions of %s (these steps need exactly one)", customer).hasSize(1);
        return subscriptions.find(c.seller(), new SubscriptionId(ids.getFirst())).orElseThrow();
    }

    /** The newest event of the last subscription a step touched, as stored. */
    private JsonNode lastEvent() {
        SubscriptionView s = subscriptionOf(only());
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""",
                String.class, s.subscriptionId().toString());
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
