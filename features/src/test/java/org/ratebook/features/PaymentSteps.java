package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.query.AccountBalance;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.PaymentView;
import org.ratebook.engine.payment.InvoicePayments;
import org.ratebook.tenants.TenantId;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Money coming in and going back, and invoices voided, as the finance team records them. */
public class PaymentSteps {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BillingWorld world;
    private final InvoicePayments payments;
    private final InvoiceQueries invoices;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public PaymentSteps(BillingWorld world, InvoicePayments payments, InvoiceQueries invoices,
                        org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.world = world;
        this.payments = payments;
        this.invoices = invoices;
    }

    @When("{string} pays {money} on invoice {word}")
    public void pays(String customer, Money amount, String number) {
        payByTransfer(customer, amount, number, "transfer-" + UUID.randomUUID());
    }

    @When("{string} pays {money} on invoice {word} by bank transfer {string}")
    public void payByTransfer(String customer, Money amount, String number, String transfer) {
        InvoiceView invoice = invoiceOf(customer, number);
        payments.recordReceived(world.theSeller(), invoice.invoiceId(), transfer, amount.amount(), amount.currency(),
                null, transfer);
        assertThat(invoices.awaitPayment(world.theSeller(), invoice.invoiceId(), transfer, WAIT)).isTrue();
    }

    @When("{string} tries to pay {money} on invoice {word}")
    public void triesToPay(String customer, Money amount, String number) {
        attempt(() -> pays(customer, amount, number));
    }

    @When("{string} pays invoice {word} by card")
    public void paysByCard(String customer, String number) {
        InvoiceView invoice = invoiceOf(customer, number);
        String payment = payments.collect(world.theSeller(), invoice.invoiceId(), null);
        assertThat(invoices.awaitPayment(world.theSeller(), invoice.invoiceId(), payment, WAIT)).isTrue();
    }

    @When("{string} tries to pay {money} on invoice {word} by card")
    public void triesToPayByCard(String customer, Money amount, String number) {
        InvoiceView invoice = invoiceOf(customer, number);
        attempt(() -> payments.collect(world.theSeller(), invoice.invoiceId(), amount.amount()));
    }

    @When("{money} is refunded on invoice {word} because {string}")
    public void refunded(Money amount, String number, String reason) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        String refund = payments.refund(world.theSeller(), invoice.invoiceId(), null, amount.amount(), reason);
        assertThat(invoices.awaitPayment(world.theSeller(), invoice.invoiceId(), refund, WAIT)).isTrue();
    }

    @When("the finance team tries to refund {money} on invoice {word}")
    public void triesToRefund(Money amount, String number) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        attempt(() -> payments.refund(world.theSeller(), invoice.invoiceId(), null, amount.amount(), "requested"));
    }

    @When("invoice {word} is voided because {string}")
    public void voided(String number, String reason) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        payments.voidInvoice(world.theSeller(), invoice.invoiceId(), reason);
        assertThat(invoices.awaitStatus(world.theSeller(), invoice.invoiceId(), "VOID", WAIT)).isTrue();
    }

    @When("the finance team tries to void invoice {word}")
    public void triesToVoid(String number) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        attempt(() -> payments.voidInvoice(world.theSeller(), invoice.invoiceId(), "requested"));
    }

    @Then("it is refused with a reason mentioning {string}")
    public void refused(String reason) {
        assertThat(world.lastRefusal()).as("the refusal").isNotNull();
        assertThat(world.lastRefusal().getMessage()).as("the reason given").contains(reason);
    }

    @Then("invoice {word} is {word} with {money} paid and {money} still due")
    public void invoiceState(String number, String state, Money paid, Money due) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        String expected = switch (state.toLowerCase(Locale.ROOT)) {
            case "open" -> "FINALIZED";
            case "paid" -> "PAID";
            case "void" -> "VOID";
            default -> throw new IllegalArgumentException("an invoice is open, paid or void, not '" + state + "'");
        };
        assertThat(invoice.status()).as("state of %s", number).isEqualTo(expected);
        assertThat(invoice.currency()).isEqualTo(paid.currency()).isEqualTo(due.currency());
        assertThat(invoice.amountPaid()).as("paid on %s", number).isEqualByComparingTo(paid.amount());
        assertThat(invoice.balance()).as("still due on %s", number).isEqualByComparingTo(due.amount());
    }

    @Then("{string} has a credit of {money} and owes {money} on open invoices")
    public void balance(String customer, Money credit, Money open) {
        BillingWorld.Customer c = world.customer(customer);
        AccountBalance balance = invoices.balance(c.seller(), c.account().value(), credit.currency());
        assertThat(balance.credit()).as("credit of %s", customer).isEqualByComparingTo(credit.amount());
        assertThat(balance.openInvoices()).as("open invoices of %s", customer).isEqualByComparingTo(open.amount());
    }

    @Then("invoice {word} shows these payments:")
    public void showsPayments(String number, DataTable table) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        List<PaymentView> recorded = invoices.payments(world.theSeller(), invoice.invoiceId());
        List<Map<String, String>> expected = table.asMaps();
        assertThat(recorded).as("payments on %s", number).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            PaymentView actual = recorded.get(i);
            assertThat(actual.kind().toLowerCase(Locale.ROOT)).as("kind of row %d", i + 1).isEqualTo(row.get("kind"));
            assertThat(actual.amount()).as("amount of row %d", i + 1)
                    .isEqualByComparingTo(Money.parse(row.get("amount")).amount());
            assertThat(actual.applied()).as("paid to the invoice, row %d", i + 1)
                    .isEqualByComparingTo(Money.parse(row.get("to the invoice")).amount());
            assertThat(actual.overpaid()).as("credited, row %d", i + 1)
                    .isEqualByComparingTo(Money.parse(row.get("to credit")).amount());
            if (row.containsKey("on")) {
                assertThat(BusinessDates.format(actual.onDate())).as("date of row %d", i + 1).isEqualTo(row.get("on"));
            }
        }
    }

    /** The invoice's failed payment attempts, as recorded in its events (nothing else reads them yet). */
    @Then("invoice {word} records these failed payment attempts:")
    public void failedAttempts(String number, DataTable table) throws java.io.IOException {
        InvoiceView invoice = invoice(world.theSeller(), number);
        List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentAttemptFailedEvent' "
                + "ORDER BY sequence_number", String.class, invoice.invoiceId().toString());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Map<String, String>> expected = table.asMaps();
        assertThat(payloads).as("failed payment attempts on %s", number).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode event = json.readTree(payloads.get(i));
            Money amount = Money.parse(expected.get(i).get("amount"));
            assertThat(new java.math.BigDecimal(event.path("amount").asText())).as("amount of attempt %d", i + 1)
                    .isEqualByComparingTo(amount.amount());
            assertThat(event.path("currency").asText()).isEqualTo(amount.currency());
            assertThat(event.path("reason").asText()).as("reason of attempt %d", i + 1)
                    .contains(expected.get(i).get("reason"));
        }
    }

    @Then("invoice {word} shows no payments")
    public void noPayments(String number) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        assertThat(invoices.payments(world.theSeller(), invoice.invoiceId())).isEmpty();
    }

    private void attempt(Runnable action) {
        try {
            action.run();
            world.setLastRefusal(null);
        } catch (BillingRejection e) {
            world.setLastRefusal(e);
        }
    }

    private InvoiceView invoiceOf(String customer, String number) {
        InvoiceView invoice = invoice(world.theSeller(), number);
        assertThat(invoice.accountId()).as("invoice %s is %s's", number, customer)
                .isEqualTo(world.customer(customer).account().value());
        return invoice;
    }

    private InvoiceView invoice(TenantId seller, String number) {
        List<InvoiceView> matching = invoices.latest(seller, 500).stream()
                .filter(i -> number.equals(i.number())).toList();
        assertThat(matching).as("invoice %s", number).hasSize(1);
        return matching.getFirst();
    }
}
