package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.tenants.TenantScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage sent with only the customer's account, and which subscription it counts for. */
public class AccountUsageSteps {

    private final BillingWorld world;
    private final UsageIngestion ingestion;
    private final SubscriptionProjection subscriptions;
    private final TenantScope tenantScope;
    private List<UsageOutcome> outcomes = List.of();

    public AccountUsageSteps(BillingWorld world, UsageIngestion ingestion, SubscriptionProjection subscriptions,
                             TenantScope tenantScope) {
        this.world = world;
        this.ingestion = ingestion;
        this.subscriptions = subscriptions;
        this.tenantScope = tenantScope;
    }

    @When("this usage of {string} arrives naming only the customer:")
    public void arrivesForTheAccount(String customer, DataTable table) {
        BillingWorld.Customer c = world.customer(customer);
        List<UsageEvent> events = table.asMaps().stream().map(row -> UsageEvent.forAccount(row.get("transaction"),
                c.account().value(), row.get("meter"), new BigDecimal(row.get("quantity")), at(row.get("at")),
                Map.of())).toList();
        outcomes = ingestion.ingest(c.seller(), events);
    }

    @Then("the usage is taken like this:")
    public void takenLikeThis(DataTable table) {
        List<Map<String, String>> expected = table.asMaps();
        assertThat(outcomes).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            UsageOutcome actual = outcomes.get(i);
            assertThat(actual.transactionId()).as("transaction of row %d", i + 1).isEqualTo(row.get("transaction"));
            assertThat(actual.status().name().toLowerCase(Locale.ROOT)).as("outcome of %s (%s)", actual.transactionId(),
                    actual.reason()).isEqualTo(row.get("outcome"));
            String countsFor = row.get("counts for");
            assertThat(describe(actual)).as("what %s counts for", actual.transactionId())
                    .isEqualTo(countsFor == null || countsFor.isBlank() ? null : countsFor.strip());
            String reason = row.get("reason");
            if (reason != null && !reason.isBlank()) {
                assertThat(actual.reason()).as("reason for %s", actual.transactionId()).contains(reason.strip());
            }
        }
    }

    @Then("the refusal of {string} names these subscriptions of {string}:")
    public void refusalNames(String transaction, String customer, DataTable table) {
        UsageOutcome refused = outcomes.stream().filter(o -> o.transactionId().equals(transaction)).findFirst()
                .orElseThrow(() -> new AssertionError("no usage " + transaction + " in the last batch"));
        assertThat(refused.status()).isEqualTo(UsageOutcome.Status.REJECTED);
        List<SubscriptionView> theirs = subscriptionsOf(world.customer(customer));
        for (Map<String, String> row : table.asMaps()) {
            LocalDate from = BusinessDates.parse(row.get("from"));
            SubscriptionView subscription = theirs.stream()
                    .filter(s -> s.plan().equals(row.get("plan")) && s.startDate().equals(from)).findFirst()
                    .orElseThrow(() -> new AssertionError(customer + " has no " + row.get("plan") + " subscription from "
                            + row.get("from")));
            assertThat(refused.reason()).as("the reason for %s", transaction).contains(subscription.plan() + " from "
                    + from + " (subscription " + subscription.subscriptionId().value() + ")");
        }
    }

    /** "Pro from 1 March 2026": the plan and start of the subscription the usage counts for. */
    private String describe(UsageOutcome outcome) {
        if (outcome.subscriptionId() == null || outcome.status() == UsageOutcome.Status.REJECTED) {
            return null;
        }
        SubscriptionView subscription = subscriptions.find(world.theSeller(), new SubscriptionId(outcome.subscriptionId()))
                .orElseThrow();
        return subscription.plan() + " from " + BusinessDates.format(subscription.startDate());
    }

    private List<SubscriptionView> subscriptionsOf(BillingWorld.Customer c) {
        return tenantScope.call(c.seller(), () -> subscriptions.activeOn(c.seller(), LocalDate.of(2100, 1, 1)))
                .stream().filter(s -> s.accountId().equals(c.account())).toList();
    }

    /** "5 March 2026 10:00", in UTC. */
    private static Instant at(String when) {
        String[] parts = when.strip().split(" ");
        LocalDate day = BusinessDates.parse(parts[0] + " " + parts[1] + " " + parts[2]);
        String[] hm = parts[3].split(":");
        return day.atTime(Integer.parseInt(hm[0]), Integer.parseInt(hm[1])).toInstant(ZoneOffset.UTC);
    }
}
