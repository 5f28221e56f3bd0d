package org.ratebook.features;

import io.cucumber.java.en.Then;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.query.InvoiceLineView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the issued invoices say, read as the seller reads them (its own invoices only). */
public class InvoiceSteps {

    /** More than any scenario issues; a list cut at this size fails rather than hides invoices. */
    private static final int LIST_LIMIT = 500;

    private final BillingWorld world;
    private final InvoiceQueries invoices;

    public InvoiceSteps(BillingWorld world, InvoiceQueries invoices) {
        this.world = world;
        this.invoices = invoices;
    }

    @Then("invoice {word} is addressed to {string} and dated {date}")
    public void addressedAndDated(String number, String customer, LocalDate date) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        assertThat(invoice.buyer().name()).as("customer on invoice %s", number).isEqualTo(customer);
        assertThat(invoice.accountId()).as("account billed by invoice %s", number)
                .isEqualTo(world.customer(customer).account().value());
        assertThat(invoice.seller().name()).as("seller on invoice %s", number)
                .isEqualTo(world.sellerName(world.theSeller()));
        assertThat(BusinessDates.format(invoice.invoiceDate())).as("date of invoice %s", number)
                .isEqualTo(BusinessDates.format(date));
    }

    @Then("invoice {word} has these lines:")
    public void hasTheseLines(String number, List<Expectations.Line> expected) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        List<InvoiceLineView> lines = invoice.lines();
        assertThat(lines).as("lines of invoice %s: %s", number, describe(lines)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            checkLine(invoice, lines.get(i), expected.get(i), "line " + (i + 1) + " of invoice " + number);
        }
    }

    /** For invoices issued on one day to several customers, whose numbers follow the accounts' order. */
    @Then("the invoice of {string} dated {date} has these lines:")
    public void invoiceOfCustomerHasLines(String customer, LocalDate date, List<Expectations.Line> expected) {
        UUID account = world.customer(customer).account().value();
        List<InvoiceView> matching = invoices.latest(world.theSeller(), LIST_LIMIT).stream()
                .filter(i -> i.accountId().equals(account) && i.invoiceDate().equals(date)).toList();
        assertThat(matching).as("invoices of %s dated %s", customer, date).hasSize(1);
        InvoiceView invoice = matching.getFirst();
        assertThat(invoice.lines()).as("lines of the invoice of %s dated %s: %s", customer, date,
                describe(invoice.lines())).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            checkLine(invoice, invoice.lines().get(i), expected.get(i), "line " + (i + 1) + " of the invoice of "
                    + customer + " dated " + date);
        }
    }

    @Then("invoice {word} has these lines, in any order:")
    public void hasTheseLinesInAnyOrder(String number, List<Expectations.Line> expected) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        List<InvoiceLineView> lines = invoice.lines();
        assertThat(lines).as("lines of invoice %s: %s", number, describe(lines)).hasSameSizeAs(expected);
        List<InvoiceLineView> unmatched = new ArrayList<>(lines);
        for (Expectations.Line line : expected) {
            InvoiceLineView actual = unmatched.stream().filter(l -> l.description().equals(line.description()))
                    .findFirst().orElse(null);
            assertThat(actual).as("a line '%s' on invoice %s; its lines are %s", line.description(), number,
                    describe(lines)).isNotNull();
            unmatched.remove(actual);
            checkLine(invoice, actual, line, "line '" + line.description() + "' of invoice " + number);
        }
    }

    @Then("invoice {word} totals {money} of which tax {money}")
    public void totals(String number, Money total, Money tax) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        checkMoney(invoice.currency(), invoice.total(), total, "total of invoice " + number);
        checkMoney(invoice.currency(), invoice.tax(), tax, "tax of invoice " + number);
        checkMoney(invoice.currency(), invoice.subtotal(), new Money(total.currency(),
                total.amount().subtract(tax.amount())), "total before tax of invoice " + number);
        BigDecimal linesTotal = invoice.lines().stream().map(l -> l.amount().add(l.taxAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(linesTotal).as("the lines of invoice %s (amount plus tax) add up to its total", number)
                .isEqualByComparingTo(invoice.total());
    }

    @Then("the line {string} of invoice {word} names rule pack {string} version {int} and these rules:")
    public void lineNamesPackAndRules(String description, String number, String pack, int version,
                                      List<String> rules) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        List<InvoiceLineView> matching = invoice.lines().stream()
                .filter(l -> l.description().equals(description)).toList();
        assertThat(matching).as("lines '%s' on invoice %s; its lines are %s", description, number,
                describe(invoice.lines())).hasSize(1);
        assertThat(invoice.packName()).as("rule pack that priced invoice %s", number).isEqualTo(pack);
        assertThat(invoice.packVersion()).as("version of the rule pack that priced invoice %s", number)
                .isEqualTo(version);
        assertThat(matching.getFirst().rules()).as("rules that priced line '%s' of invoice %s", description,
                number).containsExactlyElementsOf(rules);
    }

    @Then("the decision trace of invoice {word} lists these rules in the order they fired:")
    public void decisionTrace(String number, List<String> rules) {
        TenantId seller = world.theSeller();
        InvoiceView invoice = invoice(seller, number);
        assertThat(invoices.trace(seller, invoice.invoiceId())).extracting(RuleFiring::rule)
                .as("rules in the decision trace of invoice %s", number).containsExactlyElementsOf(rules);
    }

    @Then("the seller has issued exactly these invoices:")
    public void theSellerHasIssued(List<Expectations.Invoice> expected) {
        checkInvoiceList(world.theSeller(), expected);
    }

    @Then("the invoice list of {string} shows exactly these invoices:")
    public void theInvoiceListOf(String seller, List<Expectations.Invoice> expected) {
        checkInvoiceList(world.seller(seller), expected);
    }

    @Then("the seller has issued no invoices")
    public void theSellerHasIssuedNoInvoices() {
        assertThat(invoices.latest(world.theSeller(), LIST_LIMIT)).filteredOn(i -> !i.isDraft())
                .extracting(InvoiceView::number).as("invoices of the seller").isEmpty();
    }

    @Then("{string} cannot open any invoice of {string}")
    public void cannotOpenInvoicesOf(String reader, String owner) {
        TenantId readerId = world.seller(reader);
        List<UUID> ownersInvoices = invoices.latest(world.seller(owner), LIST_LIMIT).stream()
                .map(InvoiceView::invoiceId).toList();
        assertThat(ownersInvoices).as("invoices of %s (nothing to try to open otherwise)", owner).isNotEmpty();
        for (UUID id : ownersInvoices) {
            assertThat(invoices.find(readerId, id)).as("%s opening an invoice of %s", reader, owner).isEmpty();
            assertThat(invoices.trace(readerId, id)).as("%s reading the decision trace of an invoice of %s",
                    reader, owner).isEmpty();
        }
    }

    private void checkInvoiceList(TenantId seller, List<Expectations.Invoice> expected) {
        // drafts (also discarded ones) have not been issued: no number, nothing owed
        List<InvoiceView> list = invoices.latest(seller, LIST_LIMIT).stream().filter(i -> !i.isDraft()).toList();
        assertThat(list).as("invoice list of %s", world.sellerName(seller)).hasSizeLessThan(LIST_LIMIT);
        List<String> actual = list.stream().sorted(Comparator.comparing(InvoiceView::number))
                .map(i -> row(i.number(), i.buyer().name(), BusinessDates.format(i.invoiceDate()),
                        i.currency(), i.total()))
                .toList();
        List<String> wanted = expected.stream()
                .map(i -> row(i.number(), i.customer(), BusinessDates.format(i.date()), i.total().currency(),
                        i.total().amount()))
                .toList();
        // amounts are compared by value (49.0 equals 49.00), everything else as written
        assertThat(actual).as("invoice list of %s, by number", world.sellerName(seller))
                .containsExactlyElementsOf(wanted);
        Set<UUID> ids = new HashSet<>();
        list.forEach(i -> ids.add(i.invoiceId()));
        assertThat(ids).as("distinct invoices in the list").hasSameSizeAs(list);
    }

    private static String row(String number, String customer, String date, String currency, BigDecimal total) {
        return number + " | " + customer + " | " + date + " | " + currency + " "
                + total.stripTrailingZeros().toPlainString();
    }

    private InvoiceView invoice(TenantId seller, String number) {
        List<InvoiceView> all = invoices.latest(seller, LIST_LIMIT);
        List<InvoiceView> matching = all.stream().filter(i -> number.equals(i.number())).toList();
        assertThat(matching).as("invoice %s of %s; its invoices are %s", number, world.sellerName(seller),
                all.stream().map(InvoiceView::number).toList()).hasSize(1);
        return matching.getFirst();
    }

    private static void checkLine(InvoiceView invoice, InvoiceLineView actual, Expectations.Line expected,
                                  String what) {
        assertThat(actual.description()).as("description of %s", what).isEqualTo(expected.description());
        if (expected.from() != null) {
            assertThat(BusinessDates.format(actual.periodFrom())).as("start of the period of %s", what)
                    .isEqualTo(BusinessDates.format(expected.from()));
        }
        if (expected.to() != null) {
            assertThat(BusinessDates.format(actual.periodTo())).as("end of the period of %s", what)
                    .isEqualTo(BusinessDates.format(expected.to()));
        }
        if (expected.quantity() != null) {
            assertThat(actual.quantity()).as("quantity of %s", what)
                    .isEqualByComparingTo(BigDecimal.valueOf(expected.quantity()));
        }
        if (expected.unitPrice() != null) {
            checkMoney(invoice.currency(), actual.unitPrice(), expected.unitPrice(), "unit price of " + what);
        }
        checkMoney(invoice.currency(), actual.amount(), expected.amount(), "amount of " + what);
        if (expected.tax() != null) {
            checkMoney(invoice.currency(), actual.taxAmount(), expected.tax(), "tax of " + what);
        }
    }

    private static void checkMoney(String currency, BigDecimal amount, Money expected, String what) {
        assertThat(currency).as("currency of the %s", what).isEqualTo(expected.currency());
        assertThat(amount).as("%s (%s)", what, expected).isEqualByComparingTo(expected.amount());
    }

    private static String describe(List<InvoiceLineView> lines) {
        return lines.stream().map(l -> l.description() + " " + BusinessDates.format(l.periodFrom()) + " to "
                + BusinessDates.format(l.periodTo()) + ": " + l.amount().toPlainString())
                .collect(Collectors.joining("; ", "[", "]"));
    }
}
