package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.BatchTooLargeException;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.MeterUsage;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Meters and usage as the provisioning or monitoring system sends it. */
public class UsageSteps {

    private final BillingWorld world;
    private final Meters meters;
    private final UsageIngestion ingestion;
    private final UsageQueries usage;
    private final SubscriptionProjection subscriptions;
    private final TenantScope tenantScope;
    private List<UsageOutcome> outcomes = List.of();
    private RuntimeException refusal;

    public UsageSteps(BillingWorld world, Meters meters, UsageIngestion ingestion, UsageQueries usage,
                      SubscriptionProjection subscriptions, TenantScope tenantScope) {
        this.world = world;
        this.meters = meters;
        this.ingestion = ingestion;
        this.usage = usage;
        this.subscriptions = subscriptions;
        this.tenantScope = tenantScope;
    }

    @Given("the seller meters {string} in {word} as the {word} of a period")
    public void meter(String code, String unit, String aggregation) {
        defineMeter(code, unit, aggregation, false);
    }

    @Given("the seller meters {string} in {word} as the {word} of a period, corrections allowed")
    public void correctableMeter(String code, String unit, String aggregation) {
        defineMeter(code, unit, aggregation, true);
    }

    private void defineMeter(String code, String unit, String aggregation, boolean correctable) {
        meters.define(world.theSeller(), new Meter(code, unit,
                Aggregation.valueOf(aggregation.toUpperCase(Locale.ROOT).replace(' ', '_')), correctable));
    }

    @When("this usage of {string} arrives:")
    public void arrives(String customer, DataTable table) {
        send(customer, table.asMaps(), 1);
    }

    @When("this usage of {string} arrives {int} times:")
    public void arrivesRepeatedly(String customer, int times, DataTable table) {
        send(customer, table.asMaps(), times);
    }

    @When("a batch of {int} usage events of {string} arrives")
    public void bigBatch(int size, String customer) {
        UUID subscription = subscriptionOf(customer);
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            events.add(new UsageEvent("bulk-" + size + "-" + i, subscription, "api_calls", BigDecimal.ONE,
                    Instant.parse("2026-01-10T00:00:00Z").plusSeconds(i), Map.of()));
        }
        try {
            outcomes = ingestion.ingest(world.theSeller(), events);
            refusal = null;
        } catch (BatchTooLargeException e) {
            refusal = e;
        }
    }

    private void send(String customer, List<Map<String, String>> rows, int times) {
        UUID subscription = subscriptionOf(customer);
        List<UsageEvent> events = rows.stream().map(row -> new UsageEvent(row.get("transaction"), subscription,
                row.get("meter"), new BigDecimal(row.get("quantity")), at(row.get("at")), Map.of())).toList();
        for (int i = 0; i < times; i++) {
            outcomes = ingestion.ingest(world.theSeller(), events);
        }
    }

    private static Instant at(String when) {
        // "15 January 2026 10:00" in UTC
        String[] parts = when.strip().split(" ");
        LocalDate day = BusinessDates.parse(parts[0] + " " + parts[1] + " " + parts[2]);
        String[] hm = parts[3].split(":");
        return day.atTime(Integer.parseInt(hm[0]), Integer.parseInt(hm[1])).toInstant(ZoneOffset.UTC);
    }

    @Then("the outcomes are:")
    public void outcomesAre(DataTable table) {
        List<Map<String, String>> expected = table.asMaps();
        assertThat(outcomes).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            UsageOutcome actual = outcomes.get(i);
            assertThat(actual.transactionId()).as("transaction of row %d", i + 1).isEqualTo(row.get("transaction"));
            assertThat(actual.status().name().toLowerCase(Locale.ROOT)).as("outcome of %s", actual.transactionId())
                    .isEqualTo(row.get("outcome"));
            String reason = row.get("reason");
            if (reason != null && !reason.isBlank()) {
                assertThat(actual.reason()).as("reason for %s", actual.transactionId()).contains(reason);
            }
        }
    }

    @Then("every event of the batch is accepted")
    public void allAccepted() {
        assertThat(refusal).isNull();
        assertThat(outcomes).isNotEmpty().allSatisfy(o -> assertThat(o.status()).isEqualTo(UsageOutcome.Status.ACCEPTED));
    }

    @Then("the batch is refused as too large")
    public void refusedAsTooLarge() {
        assertThat(refusal).isInstanceOf(BatchTooLargeException.class);
        assertThat(refusal.getMessage()).contains("at most 10000 events");
    }

    @Then("the {string} usage of {string} on {date} is {string} from {int} event(s)")
    public void usageOn(String meter, String customer, LocalDate day, String quantity, int events) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<MeterUsage> found = usage.usage(world.theSeller(), subscriptionOf(customer), from, from.plusSeconds(86_400))
                .stream().filter(u -> u.meter().equals(meter)).toList();
        assertThat(found).as("usage of %s", meter).singleElement().satisfies(u -> {
            assertThat(u.quantity()).isEqualByComparingTo(quantity);
            assertThat(u.events()).isEqualTo(events);
        });
    }

    @Then("{string} has no {string} usage on {date}")
    public void noUsage(String customer, String meter, LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(usage.usage(world.theSeller(), subscriptionOf(customer), from, from.plusSeconds(86_400)))
                .noneMatch(u -> u.meter().equals(meter));
    }

    private UUID subscriptionOf(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        TenantId seller = c.seller();
        List<SubscriptionView> all = tenantScope.call(seller, () -> subscriptions.activeOn(seller, LocalDate.of(2100, 1, 1)))
                .stream().filter(s -> s.accountId().equals(c.account())).toList();
        assertThat(all).as("subscriptions of %s", customer).hasSize(1);
        return all.getFirst().subscriptionId().value();
    }
}
