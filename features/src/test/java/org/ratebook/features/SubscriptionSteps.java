package org.ratebook.features;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.domain.InvalidSubscriptionException;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers subscribing to plans of the seller's catalog, and what the engine keeps of it. */
public class SubscriptionSteps {

    private final BillingWorld world;
    private final CommandGateway commands;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;

    public SubscriptionSteps(BillingWorld world, CommandGateway commands, TenantScope tenantScope, JdbcTemplate jdbc) {
        this.world = world;
        this.commands = commands;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
    }

    @Given("{string} subscribes to the {string} plan starting {date}")
    public void subscribes(String customer, String plan, LocalDate start) {
        subscribe(customer, plan, 1, start);
    }

    @Given("{string} subscribes to {int} seats of the {string} plan starting {date}")
    public void subscribesSeats(String customer, int seats, String plan, LocalDate start) {
        subscribe(customer, plan, seats, start);
    }

    /** No start date: the subscription starts today, in the customer's time zone. */
    @Given("{string} subscribes to the {string} plan")
    public void subscribesToday(String customer, String plan) {
        subscribe(customer, plan, 1, null);
    }

    /** A trial of its own instead of the plan's (Stripe's trial_period_days); "0 days" is no trial. */
    @Given("{string} subscribes to the {string} plan with a trial of {int} days")
    public void subscribesWithTrial(String customer, String plan, int trialDays) {
        subscribe(customer, plan, 1, null, trialDays);
    }

    @When("{string} tries to subscribe to the {string} plan with a trial of {int} days")
    public void triesToSubscribeWithTrial(String customer, String plan, int trialDays) {
        world.setLastRefusal(null);
        try {
            subscribe(customer, plan, 1, null, trialDays);
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    @When("{string} tries to subscribe to the {string} plan starting {date}")
    public void triesToSubscribe(String customer, String plan, LocalDate start) {
        trySubscribe(customer, plan, start);
    }

    @When("{string} tries to subscribe to the {string} plan")
    public void triesToSubscribeToday(String customer, String plan) {
        trySubscribe(customer, plan, null);
    }

    @Then("the subscription is refused with a reason mentioning {string}")
    public void refused(String reason) {
        assertThat(world.lastRefusal()).as("the refusal of the subscription").isNotNull()
                .isInstanceOf(InvalidSubscriptionException.class);
        assertThat(world.lastRefusal().getMessage()).as("the reason given").contains(reason);
    }

    @Then("{string} has no subscriptions")
    public void hasNoSubscriptions(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        assertThat(subscriptionsOf(c)).as("subscriptions of %s", customer).isEmpty();
        Integer stored = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type LIKE '%SubscriptionCreatedEvent'
                  AND convert_from(payload, 'UTF8')::jsonb #>> '{accountId,value}' = ?""",
                Integer.class, c.account().value().toString());
        assertThat(stored).as("subscription events stored for %s", customer).isZero();
    }

    @Then("{string} has these subscriptions:")
    public void hasSubscriptions(String customer, List<Expectations.Subscription> expected) {
        assertThat(subscriptionsOf(world.customer(customer))).as("subscriptions of %s", customer)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private void subscribe(String customer, String plan, int seats, LocalDate start) {
        subscribe(customer, plan, seats, start, null);
    }

    private void subscribe(String customer, String plan, int seats, LocalDate start, Integer trialDays) {
        BillingWorld.Customer c = world.customer(customer);
        commands.sendAndWait(new CreateSubscriptionCommand(c.seller(), SubscriptionId.random(), c.account(), plan,
                seats, start, null, null, trialDays));
    }

    private void trySubscribe(String customer, String plan, LocalDate start) {
        world.setLastRefusal(null);
        try {
            subscribe(customer, plan, 1, start);
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    /** The subscriptions read model of the customer's seller, as that seller sees it (Row-Level Security on). */
    private List<Expectations.Subscription> subscriptionsOf(BillingWorld.Customer c) {
        return tenantScope.call(c.seller(), () -> jdbc.query("""
                        SELECT plan, quantity, start_date FROM subscriptions
                        WHERE tenant_id = ? AND account_id = ? ORDER BY start_date, plan""",
                (rs, n) -> new Expectations.Subscription(rs.getString("plan"), rs.getInt("quantity"),
                        rs.getDate("start_date").toLocalDate()),
                c.seller().value(), c.account().value()));
    }
}
