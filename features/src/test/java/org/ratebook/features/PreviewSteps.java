package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Previews: what a billing run or a planned change would invoice, with nothing recorded. */
public class PreviewSteps {

    private final BillingWorld world;
    private final BillingRun billingRun;
    private final SubscriptionChanges changes;
    private final SubscriptionProjection subscriptions;
    private final InvoiceQueries invoices;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private List<IssueInvoiceCommand> previewed;
    private int eventsBefore;

    public PreviewSteps(BillingWorld world, BillingRun billingRun, SubscriptionChanges changes,
                        SubscriptionProjection subscriptions, InvoiceQueries invoices, TenantScope tenantScope,
                        JdbcTemplate jdbc) {
        this.world = world;
        this.billingRun = billingRun;
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
    }

    @When("the seller previews the invoices of {string} for {date}")
    public void previewRun(String customer, LocalDate day) {
        eventsBefore = events();
        BillingWorld.Customer c = world.customer(customer);
        previewed = billingRun.preview(c.seller(), c.account(), day, Map.of());
    }

    @When("the seller previews a change of {string} to the {string} plan at once")
    public void previewChange(String customer, String plan) {
        eventsBefore = events();
        BillingWorld.Customer c = world.customer(customer);
        SubscriptionId id = onlySubscription(c);
        previewed = changes.preview(c.seller(), id,
                new ChangePlanCommand(c.seller(), id, plan, ChangeTiming.IMMEDIATE, null)).invoices();
    }

    @When("the seller previews cancelling the {string} subscription of {string} at once")
    public void previewCancel(String plan, String customer) {
        eventsBefore = events();
        BillingWorld.Customer c = world.customer(customer);
        List<SubscriptionView> matching = subscriptions.ofAccount(c.seller(), c.account()).stream()
                .filter(s -> s.plan().equals(plan)).toList();
        assertThat(matching).as("%s subscriptions of %s", plan, customer).hasSize(1);
        SubscriptionId id = matching.getFirst().subscriptionId();
        previewed = changes.preview(c.seller(), id,
                new CancelSubscriptionCommand(c.seller(), id, ChangeTiming.IMMEDIATE, null)).invoices();
    }

    @Then("the preview shows these invoices:")
    public void previewShows(DataTable table) {
        List<String> expected = table.asMaps().stream().map(r -> BusinessDates.format(BusinessDates.parse(
                r.get("date"))) + " | " + plain(Money.parse(r.get("total")))).toList();
        List<String> actual = previewed.stream().map(c -> BusinessDates.format(c.invoiceDate()) + " | "
                + plain(new Money(c.currency(), total(c)))).toList();
        assertThat(actual).as("previewed invoices").containsExactlyElementsOf(expected);
    }

    @Then("the previewed invoice of {date} has these lines:")
    public void previewLines(LocalDate day, DataTable table) {
        IssueInvoiceCommand invoice = previewed.stream().filter(c -> c.invoiceDate().equals(day)).findFirst()
                .orElseThrow(() -> new AssertionError("no previewed invoice dated " + BusinessDates.format(day)));
        List<String> expected = table.asMaps().stream().map(r -> r.get("description") + " | "
                + plain(Money.parse(r.get("amount")))).toList();
        List<String> actual = invoice.lines().stream().map(l -> l.description() + " | "
                + plain(new Money(invoice.currency(), l.amount()))).toList();
        assertThat(actual).as("lines of the previewed invoice").containsExactlyElementsOf(expected);
    }

    @Then("the previewed invoice of {date} has these lines, in any order:")
    public void previewLinesInAnyOrder(LocalDate day, DataTable table) {
        IssueInvoiceCommand invoice = previewed.stream().filter(c -> c.invoiceDate().equals(day)).findFirst()
                .orElseThrow(() -> new AssertionError("no previewed invoice dated " + BusinessDates.format(day)));
        List<String> expected = table.asMaps().stream().map(r -> r.get("description") + " | "
                + plain(Money.parse(r.get("amount")))).toList();
        List<String> actual = invoice.lines().stream().map(l -> l.description() + " | "
                + plain(new Money(invoice.currency(), l.amount()))).toList();
        assertThat(actual).as("lines of the previewed invoice").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Then("nothing was recorded by the preview")
    public void nothingRecorded() {
        assertThat(events()).as("events stored after the preview").isEqualTo(eventsBefore);
    }

    /** Amounts compare by value: 10.00 is 10. */
    private static String plain(Money money) {
        return money.currency() + " " + money.amount().stripTrailingZeros().toPlainString();
    }

    private static BigDecimal total(IssueInvoiceCommand c) {
        return c.lines().stream().map(l -> l.amount().add(l.taxAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    private SubscriptionId onlySubscription(BillingWorld.Customer c) {
        List<UUID> ids = tenantScope.call(c.seller(), () -> jdbc.queryForList(
                "SELECT subscription_id FROM subscriptions WHERE tenant_id = ? AND account_id = ?", UUID.class,
                c.seller().value(), c.account().value()));
        assertThat(ids).hasSize(1);
        return new SubscriptionId(ids.getFirst());
    }
}
