package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.rating.LineUsage;
import org.ratebook.engine.rating.UsageEstimates;
import org.ratebook.engine.rating.UsageSpikes;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.engine.usage.Weighting;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage charges as an analyst writes them in the pack's tables, usage as the seller's systems send it, and
 * the usage lines the invoices show. The charges join the pack in effect (a new version, effective from the
 * same day), once every tiered charge has its tiers.
 */
public class RatingSteps {

    private static final LocalDate PACK_EFFECTIVE_FROM = LocalDate.of(2000, 1, 1);
    private static final Set<String> CHARGE_COLUMNS = Set.of("charge", "name", "plan", "meter", "currency", "model",
            "unit price", "package size", "free units", "free events", "percentage", "transaction fee",
            "transaction min", "transaction max", "commitment", "markup");
    private static final Set<String> TIER_COLUMNS = Set.of("from", "to", "unit price", "flat fee", "package size",
            "percentage");

    private final BillingWorld world;
    private final RulePackImports packs;
    private final TenantPacks tenantPacks;
    private final Meters meters;
    private final UsageIngestion ingestion;
    private final SubscriptionProjection subscriptions;
    private final TenantScope tenantScope;
    private final InvoiceQueries invoices;
    private final LineUsage lineUsage;
    private final UsageEstimates estimates;
    private final TestClocks testClocks;
    private final UsageSpikes spikes;
    private final Map<String, UsageCharge> charges = new LinkedHashMap<>();
    private final List<UsageTier> tiers = new ArrayList<>();

    public RatingSteps(BillingWorld world, RulePackImports packs, TenantPacks tenantPacks, Meters meters,
                       UsageIngestion ingestion, SubscriptionProjection subscriptions, TenantScope tenantScope,
                       InvoiceQueries invoices, LineUsage lineUsage, UsageEstimates estimates, TestClocks testClocks,
                       UsageSpikes spikes) {
        this.world = world;
        this.packs = packs;
        this.tenantPacks = tenantPacks;
        this.meters = meters;
        this.ingestion = ingestion;
        this.subscriptions = subscriptions;
        this.tenantScope = tenantScope;
        this.invoices = invoices;
        this.lineUsage = lineUsage;
        this.estimates = estimates;
        this.testClocks = testClocks;
        this.spikes = spikes;
    }

    // ---- the pack's usage tables ----

    @Given("the seller charges usage like this:")
    public void chargesUsage(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            check(row.keySet(), CHARGE_COLUMNS, "usage charge");
            UsageCharge charge = new UsageCharge(text(row, "charge"), text(row, "name"), text(row, "plan"),
                    text(row, "meter"), text(row, "currency"),
                    ChargeModel.valueOf(text(row, "model").toUpperCase(Locale.ROOT).replace(' ', '_')),
                    decimal(row, "unit price"), decimal(row, "package size"), decimal(row, "free units"),
                    text(row, "free events") == null ? 0 : Long.parseLong(text(row, "free events")),
                    decimal(row, "percentage"), decimal(row, "transaction fee"), decimal(row, "transaction min"),
                    decimal(row, "transaction max"), decimal(row, "commitment"), decimal(row, "markup"));
            charges.put(charge.charge(), charge);
        }
        publishWhenComplete();
    }

    @Given("the usage charge {string} has these tiers:")
    public void tiers(String charge, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            check(row.keySet(), TIER_COLUMNS, "usage tier");
            tiers.add(new UsageTier(charge, decimal(row, "from"), decimal(row, "to"), decimal(row, "unit price"),
                    decimal(row, "flat fee"), decimal(row, "package size"), decimal(row, "percentage")));
        }
        publishWhenComplete();
    }

    /** Publishes the charges with the pack in effect once every tiered charge has tiers. */
    private void publishWhenComplete() {
        boolean complete = charges.values().stream().filter(c -> c.model().tiered())
                .allMatch(c -> tiers.stream().anyMatch(t -> t.charge().equals(c.charge())));
        if (!complete || charges.isEmpty()) {
            return;
        }
        TenantId seller = world.theSeller();
        RulePack current = tenantPacks.inEffect(seller, PACK_EFFECTIVE_FROM);
        packs.importContent(seller, new RulePackContent(current.name(), current.plans(), current.sources(),
                current.dayCount(), current.rounding(), null, null, List.copyOf(charges.values()), tiers,
                current.alignment()), PACK_EFFECTIVE_FROM); // the catalog's alignment stays
    }

    // ---- meters ----

    @Given("the seller meters {string} in {word} as the unique count of {string}")
    public void uniqueCount(String code, String unit, String property) {
        meters.define(world.theSeller(), new Meter(code, unit, Aggregation.UNIQUE_COUNT, false, property, null));
    }

    @Given("the seller meters {string} in {word} as a level weighted per {word}")
    public void timeWeighted(String code, String unit, String per) {
        meters.define(world.theSeller(), new Meter(code, unit, Aggregation.TIME_WEIGHTED, true, null,
                Weighting.valueOf(per.toUpperCase(Locale.ROOT))));
    }

    // ---- time ----

    /** Like advancing to a date, to a time of day (UTC), e.g. so that usage stamped late that day can be sent. */
    @When("the seller advances its test clock to {date} at {word}")
    public void advanceToTime(LocalDate day, String time) {
        String[] hm = time.split(":");
        TestClocks.Advanced advanced = testClocks.advance(world.theSeller(),
                day.atTime(Integer.parseInt(hm[0]), Integer.parseInt(hm[1])).toInstant(ZoneOffset.UTC));
        world.setLastRun(advanced.billing());
        assertThat(invoices.awaitVisible(world.theSeller(), advanced.billing().issued(), Duration.ofSeconds(10)))
                .isTrue();
    }

    // ---- usage ----

    /** Columns transaction, meter, quantity, at ("15 April 2012 10:00", UTC); any other column is a property. */
    @When("{string} sends this usage:")
    public void sends(String customer, DataTable table) {
        UUID subscription = subscriptionOf(customer);
        List<UsageEvent> events = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            Map<String, String> properties = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!Set.of("transaction", "meter", "quantity", "at").contains(column) && value != null
                        && !value.isBlank()) {
                    properties.put(column, value.strip());
                }
            });
            events.add(new UsageEvent(text(row, "transaction"), subscription, text(row, "meter"),
                    decimal(row, "quantity"), at(text(row, "at")), properties));
        }
        List<UsageOutcome> outcomes = ingestion.ingest(world.theSeller(), events);
        assertThat(outcomes).as("outcomes of the usage sent for %s", customer)
                .allSatisfy(o -> assertThat(o.status()).as("%s: %s", o.transactionId(), o.reason())
                        .isEqualTo(UsageOutcome.Status.ACCEPTED));
    }

    @When("{string} sends {int} usage events of {string} with quantity {string} on {date}")
    public void sendsMany(String customer, int count, String meter, String quantity, LocalDate day) {
        UUID subscription = subscriptionOf(customer);
        Instant start = day.atTime(1, 0).toInstant(ZoneOffset.UTC);
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new UsageEvent(meter + "-" + day + "-" + i, subscription, meter, new BigDecimal(quantity),
                    start.plusSeconds(i), Map.of()));
        }
        assertThat(ingestion.ingest(world.theSeller(), events))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(UsageOutcome.Status.ACCEPTED));
    }

    private static Instant at(String when) {
        String[] parts = when.strip().split(" ");
        LocalDate day = BusinessDates.parse(parts[0] + " " + parts[1] + " " + parts[2]);
        String[] hm = parts[3].split(":");
        return day.atTime(Integer.parseInt(hm[0]), Integer.parseInt(hm[1])).toInstant(ZoneOffset.UTC);
    }

    // ---- what the invoices say ----

    /**
     * The invoice's usage, true-up and adjustment lines, in order; columns description, type, from, to (the
     * usage period's first and last day), quantity, unit, events and amount (all but amount optional).
     */
    @Then("invoice {word} has these usage lines:")
    public void usageLines(String number, DataTable table) {
        InvoiceView invoice = invoice(number);
        List<InvoiceLineView> lines = invoice.lines().stream().filter(InvoiceLineView::usage).toList();
        List<Map<String, String>> expected = table.asMaps();
        assertThat(lines).as("usage lines of invoice %s: %s", number, describe(lines)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            check(row.keySet(), Set.of("description", "type", "from", "to", "quantity", "unit", "events", "amount"),
                    "usage line");
            InvoiceLineView line = lines.get(i);
            String what = "usage line " + (i + 1) + " of invoice " + number;
            if (text(row, "description") != null) {
                assertThat(line.description()).as("description of %s", what).isEqualTo(text(row, "description"));
            }
            if (text(row, "type") != null) {
                assertThat(line.itemType()).as("type of %s", what).isEqualTo(text(row, "type"));
            }
            if (text(row, "from") != null) {
                assertThat(BusinessDates.format(line.periodFrom())).as("first day of %s", what)
                        .isEqualTo(BusinessDates.format(BusinessDates.parse(text(row, "from"))));
            }
            if (text(row, "to") != null) {
                assertThat(BusinessDates.format(line.periodTo().minusDays(1))).as("last day of %s", what)
                        .isEqualTo(BusinessDates.format(BusinessDates.parse(text(row, "to"))));
            }
            if (text(row, "quantity") != null) {
                assertThat(line.quantity()).as("quantity of %s", what).isEqualByComparingTo(text(row, "quantity"));
            }
            if (text(row, "unit") != null) {
                assertThat(line.unit()).as("unit of %s", what).isEqualTo(text(row, "unit"));
            }
            if (text(row, "events") != null) {
                assertThat(line.transactions()).as("usage events of %s", what)
                        .isEqualTo(Long.parseLong(text(row, "events")));
            }
            Money amount = Money.parse(text(row, "amount"));
            assertThat(invoice.currency()).as("currency of %s", what).isEqualTo(amount.currency());
            assertThat(line.amount()).as("amount of %s", what).isEqualByComparingTo(amount.amount());
        }
    }

    @Then("invoice {word} has no usage lines")
    public void noUsageLines(String number) {
        assertThat(invoice(number).lines()).noneMatch(InvoiceLineView::usage);
    }

    /** Columns tier (the row's label), units, unit price, flat fee, amount; amounts exact, before rounding. */
    @Then("the usage line {string} of invoice {word} breaks down as:")
    public void breakdown(String description, String number, DataTable table) {
        InvoiceLineView line = usageLine(number, description);
        List<Map<String, String>> expected = table.asMaps();
        assertThat(line.tiers()).as("breakdown of '%s' on invoice %s: %s", description, number, line.tiers())
                .hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            check(row.keySet(), Set.of("tier", "units", "unit price", "flat fee", "amount"), "breakdown row");
            UsageTierLine tier = line.tiers().get(i);
            assertThat(tier.label()).as("row %d", i + 1).isEqualTo(text(row, "tier"));
            assertThat(tier.units()).as("units of %s", tier.label()).isEqualByComparingTo(text(row, "units"));
            compare(tier.unitPrice(), text(row, "unit price"), "unit price of " + tier.label());
            compare(tier.flatFee(), text(row, "flat fee"), "flat fee of " + tier.label());
            assertThat(tier.amount()).as("amount of %s", tier.label()).isEqualByComparingTo(text(row, "amount"));
        }
    }

    @Then("the usage events behind the line {string} of invoice {word} are {string}")
    public void eventsBehind(String description, String number, String transactions) {
        InvoiceView invoice = invoice(number);
        InvoiceLineView line = usageLine(number, description);
        LineUsage.Page page = lineUsage.transactions(world.theSeller(), invoice.invoiceId(), line.lineNo(), 1000, 0);
        assertThat(page.transactions()).extracting(UsageQueries.Transaction::transactionId)
                .as("transaction ids behind '%s'", description)
                .containsExactlyElementsOf(List.of(transactions.split(",\\s*")));
    }

    @Then("the estimated usage charge of {string} for {date} to {date} is {money}")
    public void estimate(String customer, LocalDate from, LocalDate to, Money amount) {
        TenantId seller = world.theSeller();
        UsageEstimates.Estimate estimate = estimates.current(seller, new SubscriptionId(subscriptionOf(customer)))
                .orElseThrow(() -> new AssertionError(customer + " has no usage period in progress"));
        assertThat(BusinessDates.format(estimate.from())).as("first day of the current period")
                .isEqualTo(BusinessDates.format(from));
        assertThat(BusinessDates.format(estimate.to().minusDays(1))).as("last day of the current period")
                .isEqualTo(BusinessDates.format(to));
        assertThat(estimate.currency()).isEqualTo(amount.currency());
        assertThat(estimate.amount()).as("estimated usage charge").isEqualByComparingTo(amount.amount());
    }

    /** Columns customer, meter, from, to (first and last day), quantity, average, reason; newest first. */
    @Then("the seller's flagged usage is:")
    public void flagged(DataTable table) {
        List<UsageSpikes.Spike> flagged = spikes.latest(world.theSeller(), 100);
        List<Map<String, String>> expected = table.asMaps();
        assertThat(flagged).as("flagged usage %s", flagged).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            check(row.keySet(), Set.of("customer", "meter", "from", "to", "quantity", "average", "reason"),
                    "flagged usage");
            UsageSpikes.Spike spike = flagged.get(i);
            assertThat(spike.accountId()).as("customer").isEqualTo(world.customer(text(row, "customer")).account().value());
            assertThat(spike.meter()).isEqualTo(text(row, "meter"));
            assertThat(BusinessDates.format(spike.from())).isEqualTo(BusinessDates.format(BusinessDates.parse(text(row, "from"))));
            assertThat(BusinessDates.format(spike.to().minusDays(1)))
                    .isEqualTo(BusinessDates.format(BusinessDates.parse(text(row, "to"))));
            assertThat(spike.quantity()).isEqualByComparingTo(text(row, "quantity"));
            assertThat(spike.trailingAverage()).isEqualByComparingTo(text(row, "average"));
            assertThat(spike.reason()).isEqualTo(text(row, "reason"));
        }
    }

    private InvoiceLineView usageLine(String number, String description) {
        List<InvoiceLineView> matching = invoice(number).lines().stream()
                .filter(l -> l.usage() && l.description().equals(description)).toList();
        assertThat(matching).as("usage lines '%s' on invoice %s: %s", description, number,
                describe(invoice(number).lines())).hasSize(1);
        return matching.getFirst();
    }

    private InvoiceView invoice(String number) {
        List<InvoiceView> all = invoices.latest(world.theSeller(), 500);
        return all.stream().filter(i -> number.equals(i.number())).findFirst().orElseThrow(() -> new AssertionError(
                "no invoice " + number + "; the seller's invoices are " + all.stream().map(InvoiceView::number).toList()));
    }

    private UUID subscriptionOf(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        TenantId seller = c.seller();
        List<SubscriptionView> all = tenantScope.call(seller, () -> subscriptions.activeOn(seller,
                LocalDate.of(2100, 1, 1))).stream().filter(s -> s.accountId().equals(c.account())).toList();
        assertThat(all).as("subscriptions of %s", customer).hasSize(1);
        return all.getFirst().subscriptionId().value();
    }

    private static String describe(List<InvoiceLineView> lines) {
        return lines.stream().map(l -> l.itemType() + " '" + l.description() + "' " + l.periodFrom() + "–"
                + l.periodTo() + " " + (l.quantity() == null ? "" : l.quantity().toPlainString()) + ": "
                + l.amount().toPlainString()).collect(Collectors.joining("; ", "[", "]"));
    }

    private static void compare(BigDecimal actual, String expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isEqualByComparingTo(expected);
        }
    }

    private static void check(Set<String> columns, Set<String> known, String what) {
        for (String column : columns) {
            if (!known.contains(column)) {
                throw new IllegalArgumentException("unknown column '" + column + "' in a table of " + what
                        + "s; known columns: " + known);
            }
        }
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static BigDecimal decimal(Map<String, String> row, String column) {
        String value = text(row, column);
        return value == null ? null : new BigDecimal(value.replace(",", ""));
    }
}
