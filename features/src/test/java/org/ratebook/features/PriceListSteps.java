package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ChangeSegmentCommand;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.domain.InvalidAccountException;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePackLoader;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Price lists, customer segments, prices kept after a rise, and base / add-on / standalone products: the
 * seller's catalog as a table with its price list and product type columns, its pricing rules as DRL, and the
 * customer's segment and subscriptions.
 */
public class PriceListSteps {

    private static final String RULES_HEADER = """
            package scenario.pricing;
            import org.ratebook.rules.fact.BillingAccount;
            import org.ratebook.rules.fact.SubscriptionPeriod;
            global org.ratebook.rules.decision.PricingOutput pricing;
            """;

    private final BillingWorld world;
    private final ScenarioPack pack;
    private final CommandGateway commands;
    private final SubscriptionProjection subscriptions;
    private final SubscriptionChanges changes;
    private final InvoiceQueries invoices;

    public PriceListSteps(BillingWorld world, ScenarioPack pack, CommandGateway commands,
                          SubscriptionProjection subscriptions, SubscriptionChanges changes, InvoiceQueries invoices) {
        this.world = world;
        this.pack = pack;
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.invoices = invoices;
    }

    @Given("the seller bills with these price lists:")
    public void priceLists(DataTable table) {
        List<CatalogPlan> plans = table.asMaps().stream().map(PriceListSteps::row).toList();
        pack.use(new RulePackContent("scenario price lists", plans, RulePackLoader.defaultPack().sources()));
    }

    @Given("the seller's pricing rules also say:")
    public void pricingRules(String drl) {
        RulePackContent c = pack.current();
        pack.use(new RulePackContent(c.name(), c.plans(), withRules(c.sources(), drl), c.dayCount(), c.rounding(),
                c.tables(), c.taxSettings()));
    }

    /** Change-policy rules (category CHANGE) added to the scenario's pack, beside the shipped ones. */
    @Given("the seller's change policy also says:")
    public void changeRules(String drl) {
        RulePackContent c = pack.current();
        List<DrlSource> all = new ArrayList<>(c.sources());
        all.add(new DrlSource(RuleCategory.CHANGE, "rules/change-scenario-" + (all.size() + 1) + ".drl", """
                package scenario.change;
                import org.ratebook.rules.fact.ChangeKind;
                import org.ratebook.rules.fact.PlanChange;
                import org.ratebook.rules.fact.ProrationBehaviour;
                global org.ratebook.rules.decision.ChangeOutput change;
                """ + drl));
        pack.use(new RulePackContent(c.name(), c.plans(), all, c.dayCount(), c.rounding(), c.tables(),
                c.taxSettings(), c.usageCharges(), c.usageTiers(), c.alignment()));
    }

    @Given("the seller publishes from {date} a version where {string} costs {money}")
    public void publishesPrice(LocalDate from, String plan, Money price) {
        publish(from, plan, price, null);
    }

    @Given("the seller publishes from {date} a version where {string} costs {money} and the pricing rules also say:")
    public void publishesPriceAndRules(LocalDate from, String plan, Money price, String drl) {
        publish(from, plan, price, drl);
    }

    /** A new version saved by an analyst, approved by a second person and published from {@code from}. */
    private void publish(LocalDate from, String plan, Money price, String drl) {
        RulePackContent c = pack.current();
        List<CatalogPlan> plans = c.plans().stream().map(p -> p.code().equals(plan) && p.inDefaultList()
                && p.currency().equals(price.currency()) ? p.withPrice(price.amount()) : p).toList();
        RulePackContent next = new RulePackContent(c.name(), plans, drl == null ? c.sources()
                : withRules(c.sources(), drl), c.dayCount(), c.rounding(), c.tables(), c.taxSettings());
        RulePackId id = new RulePackId(world.theSeller());
        int version = commands.sendAndWait(new SaveRulePackDraftCommand(id, next, "analyst"));
        commands.sendAndWait(new ApproveRulePackCommand(id, version, "controller"));
        commands.sendAndWait(new PublishRulePackCommand(id, version, from, "controller"));
    }

    private static List<DrlSource> withRules(List<DrlSource> sources, String drl) {
        List<DrlSource> all = new ArrayList<>(sources);
        all.add(new DrlSource(RuleCategory.PRICING, "rules/pricing-scenario-" + (all.size() + 1) + ".drl",
                RULES_HEADER + drl));
        return all;
    }

    private static CatalogPlan row(Map<String, String> row) {
        String type = row.get("type");
        return new CatalogPlan(row.get("plan"), row.get("product"), row.get("currency"),
                new BigDecimal(row.get("price")), BillingPeriod.valueOf(row.get("billed").strip()
                .toUpperCase(Locale.ROOT)), BillingMode.IN_ADVANCE, row.get("phase"), row.get("lasts"),
                row.get("price list"), type == null || type.isBlank() ? null
                : ProductType.valueOf(type.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    @Given("a customer {string} in the segment {string}, billed in {word} on billing day {int}")
    public void aCustomerInASegment(String name, String segment, String currency, int billingDay) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(world.theSeller(), account, name, "billing@example.com",
                currency, "US", "UTC", billingDay, List.of(), null, null, segment));
        world.addCustomer(new BillingWorld.Customer(name, world.theSeller(), account));
    }

    @When("the seller puts {string} in the segment {string}")
    public void putInSegment(String customer, String segment) {
        BillingWorld.Customer c = world.customer(customer);
        commands.sendAndWait(new ChangeSegmentCommand(c.seller(), c.account(), segment));
    }

    @When("the seller tries to put {string} in the segment {string}")
    public void triesToPutInSegment(String customer, String segment) {
        attempt(() -> putInSegment(customer, segment));
    }

    @Then("the account change is refused with a reason mentioning {string}")
    public void accountChangeRefused(String reason) {
        assertThat(world.lastRefusal()).as("the refusal of the account change").isNotNull()
                .isInstanceOf(InvalidAccountException.class);
        assertThat(world.lastRefusal().getMessage()).as("the reason given").contains(reason);
    }

    @Given("{string} subscribes to the {string} plan on the {string} price list starting {date}")
    public void subscribesOnPriceList(String customer, String plan, String priceList, LocalDate start) {
        subscribe(customer, plan, start, priceList, null);
    }

    @When("{string} tries to subscribe to the {string} plan on the {string} price list starting {date}")
    public void triesToSubscribeOnPriceList(String customer, String plan, String priceList, LocalDate start) {
        attempt(() -> subscribe(customer, plan, start, priceList, null));
    }

    @Given("{string} adds the {string} add-on starting {date}")
    public void addsAddOn(String customer, String plan, LocalDate start) {
        subscribe(customer, plan, start, null, null);
    }

    @When("{string} tries to add the {string} add-on starting {date}")
    public void triesToAddAddOn(String customer, String plan, LocalDate start) {
        attempt(() -> subscribe(customer, plan, start, null, null));
    }

    @When("{string} tries to add the {string} add-on to the subscription of {string} starting {date}")
    public void triesToAddAddOnToAnother(String customer, String plan, String owner, LocalDate start) {
        SubscriptionId base = subscriptionsOf(owner).getFirst().subscriptionId();
        attempt(() -> subscribe(customer, plan, start, null, base));
    }

    @When("{string} cancels its {string} subscription at once")
    public void cancelsAtOnce(String customer, String plan) {
        SubscriptionId id = subscriptionOf(customer, plan).subscriptionId();
        SubscriptionChanges.Changed changed = changes.apply(world.customer(customer).seller(), id,
                new CancelSubscriptionCommand(world.customer(customer).seller(), id, ChangeTiming.IMMEDIATE, null));
        world.setLastRun(changed.billing());
        assertThat(invoices.awaitVisible(world.customer(customer).seller(), changed.billing().issued(),
                Duration.ofSeconds(10))).isTrue();
    }

    @Then("the {string} subscription of {string} ends on {date}")
    public void endsOn(String plan, String customer, LocalDate day) {
        assertThat(subscriptionOf(customer, plan).endsOn()).as("end of the %s subscription of %s", plan, customer)
                .isEqualTo(day);
    }

    @Then("the {string} subscription of {string} does not end")
    public void doesNotEnd(String plan, String customer) {
        assertThat(subscriptionOf(customer, plan).endsOn()).as("end of the %s subscription of %s", plan, customer)
                .isNull();
    }

    private void subscribe(String customer, String plan, LocalDate start, String priceList, SubscriptionId base) {
        BillingWorld.Customer c = world.customer(customer);
        commands.sendAndWait(new CreateSubscriptionCommand(c.seller(), SubscriptionId.random(), c.account(), plan, 1,
                start, priceList, base));
    }

    private void attempt(Runnable action) {
        world.setLastRefusal(null);
        try {
            action.run();
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    private List<SubscriptionView> subscriptionsOf(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        return subscriptions.ofAccount(c.seller(), c.account());
    }

    private SubscriptionView subscriptionOf(String customer, String plan) {
        List<SubscriptionView> matching = subscriptionsOf(customer).stream().filter(s -> s.plan().equals(plan))
                .toList();
        assertThat(matching).as("%s subscriptions of %s", plan, customer).hasSize(1);
        return matching.getFirst();
    }
}
