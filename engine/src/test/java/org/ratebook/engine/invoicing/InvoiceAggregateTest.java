package org.ratebook.engine.invoicing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.CreditNoteIssuedEvent;
import org.ratebook.engine.invoicing.api.CreditNoteTax;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.InvoicePaidEvent;
import org.ratebook.engine.invoicing.api.InvoiceVoidedEvent;
import org.ratebook.engine.invoicing.api.IssueCreditNoteCommand;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.api.PaymentRecordedEvent;
import org.ratebook.engine.invoicing.api.PaymentRefundedEvent;
import org.ratebook.engine.invoicing.api.RecordPaymentCommand;
import org.ratebook.engine.invoicing.api.RefundPaymentCommand;
import org.ratebook.engine.invoicing.api.VoidInvoiceCommand;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.domain.InvalidInvoiceException;
import org.ratebook.engine.invoicing.domain.Invoice;
import org.ratebook.engine.invoicing.domain.InvoiceNumbering;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class InvoiceAggregateTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final LocalDate DUE = LocalDate.of(2026, 1, 29);
    private final AccountId account = AccountId.random();
    private final InvoiceId invoiceId = InvoiceId.of(TENANT, account, LocalDate.of(2026, 1, 15));
    private final PackRef pack = new PackRef("default", 1, "a".repeat(64));
    private final List<RuleFiring> trace = List.of(
            new RuleFiring(1, "PRICING", "Recurring plan price from the catalog", List.of("period")));
    private final Party seller = new Party("Demo Hosting", List.of("Street 1"), "DE1");
    private final Party buyer = new Party("ACME", List.of(), null);
    private final AtomicInteger sequence = new AtomicInteger();
    private AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource((InvoiceNumbering) (tenant, date) -> "INV-%06d".formatted(sequence.incrementAndGet()));
    }

    private InvoiceLine line(int no, String amount, String tax) {
        return new InvoiceLine(no, SubscriptionId.random(), "RECURRING", "Hosting Pro (monthly, in advance)",
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), BigDecimal.ONE, new BigDecimal(amount),
                new BigDecimal(amount), new BigDecimal("19"), new BigDecimal(tax), "VAT 19%",
                List.of("Recurring plan price from the catalog"), "Pro", "evergreen", LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 2, 15));
    }

    @Test
    void issuingTotalsTheLinesExactlyAndTakesTheNextNumber() {
        List<InvoiceLine> lines = List.of(line(1, "49.00", "9.31"), line(2, "0.10", "0.02"));
        fixture.givenNoPriorActivity()
                .when(new IssueInvoiceCommand(TENANT, invoiceId, account, LocalDate.of(2026, 1, 15), DUE, "EUR", lines,
                        pack, trace, seller, buyer))
                .expectEvents(new InvoiceIssuedEvent(TENANT, invoiceId, account, "INV-000001",
                        LocalDate.of(2026, 1, 15), DUE, "EUR", lines, new BigDecimal("49.10"), new BigDecimal("9.33"),
                        new BigDecimal("58.43"), pack, trace, seller, buyer));
    }

    @Test
    void anInvoiceWithoutLinesIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new IssueInvoiceCommand(TENANT, invoiceId, account, LocalDate.of(2026, 1, 15), DUE, "EUR",
                        List.of(), pack, trace, seller, buyer))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void anUnroundedAmountIsADefectNotSomethingToRoundAway() {
        fixture.givenNoPriorActivity()
                .when(new IssueInvoiceCommand(TENANT, invoiceId, account, LocalDate.of(2026, 1, 15), DUE, "EUR",
                        List.of(line(1, "49.005", "0.00")), pack, trace, seller, buyer))
                .expectException(InvalidInvoiceException.class)
                .expectExceptionMessage("line 1 has an unrounded amount 49.005")
                .expectNoEvents();
    }

    @Test
    void aDueDateBeforeTheInvoiceDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new IssueInvoiceCommand(TENANT, invoiceId, account, LocalDate.of(2026, 1, 15),
                        LocalDate.of(2026, 1, 14), "EUR", List.of(line(1, "49.00", "0.00")), pack, trace, seller, buyer))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    /**
     * Invoice: 100.00 at VAT 19% (19.00) and 50.00 at VAT 7% (3.50), gross 172.50. A credit note of 34.50 is a fifth
     * of it: 23.80 of the 19% gross (20.00 + 3.80 tax) and 10.70 of the 7% gross (10.00 + 0.70 tax), decided now
     * and kept in the event, so a later change of the pack's rounding cannot change the document.
     */
    @Test
    void aCreditNoteKeepsTheTaxItGivesBackPerRateAsDecidedAtIssue() {
        InvoiceLine full = line(1, "100.00", "19.00");
        InvoiceLine reduced = new InvoiceLine(2, SubscriptionId.random(), "RECURRING", "Support book",
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), BigDecimal.ONE, new BigDecimal("50.00"),
                new BigDecimal("50.00"), new BigDecimal("7"), new BigDecimal("3.50"), "VAT 7%", List.of(), "Book",
                "evergreen", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15));
        InvoiceIssuedEvent issued = new InvoiceIssuedEvent(TENANT, invoiceId, account, "INV-000001",
                LocalDate.of(2026, 1, 15), DUE, "EUR", List.of(full, reduced), new BigDecimal("150.00"),
                new BigDecimal("22.50"), new BigDecimal("172.50"), pack, trace, seller, buyer);
        sequence.set(6);
        fixture.given(issued)
                .when(new IssueCreditNoteCommand(TENANT, invoiceId, "cn-1", new BigDecimal("34.50"), "EUR",
                        "Outage on 3 March", LocalDate.of(2026, 3, 5), java.math.RoundingMode.HALF_UP))
                .expectEvents(new CreditNoteIssuedEvent(TENANT, invoiceId, account, "cn-1", "CN/INV-000007",
                        new BigDecimal("34.50"), new BigDecimal("34.50"), new BigDecimal("0.00"),
                        new BigDecimal("138.00"), "EUR", "Outage on 3 March", LocalDate.of(2026, 3, 5), List.of(
                        new CreditNoteTax("VAT 19%", new BigDecimal("19"), new BigDecimal("20.00"),
                                new BigDecimal("3.80")),
                        new CreditNoteTax("VAT 7%", new BigDecimal("7"), new BigDecimal("10.00"),
                                new BigDecimal("0.70")))));
    }

    @Test
    void aDeclinedAttemptIsRecordedOnceAndPaysNothing() {
        org.ratebook.engine.invoicing.api.RecordFailedPaymentAttemptCommand attempt =
                new org.ratebook.engine.invoicing.api.RecordFailedPaymentAttemptCommand(TENANT, invoiceId, "tx-1",
                        new BigDecimal("0.13"), "EUR", LocalDate.of(2026, 1, 20), "gateway", "card declined");
        org.ratebook.engine.invoicing.api.PaymentAttemptFailedEvent failed =
                new org.ratebook.engine.invoicing.api.PaymentAttemptFailedEvent(TENANT, invoiceId, account, "tx-1",
                        new BigDecimal("0.13"), "EUR", LocalDate.of(2026, 1, 20), "gateway", "card declined");
        fixture.given(issued("49.00")).when(attempt).expectEvents(failed);
        fixture.given(issued("49.00"), failed).when(attempt).expectNoEvents();
        fixture.given(issued("49.00"), failed).when(pay("pay-1", "49.00", "EUR"))
                .expectEvents(recorded("pay-1", "49.00", "49.00", "0.00", "0.00"),
                        new InvoicePaidEvent(TENANT, invoiceId, account, LocalDate.of(2026, 1, 20)));
    }

    private InvoiceIssuedEvent issued(String total) {
        List<InvoiceLine> lines = List.of(line(1, total, "0.00"));
        return new InvoiceIssuedEvent(TENANT, invoiceId, account, "INV-000001", LocalDate.of(2026, 1, 15), DUE,
                "EUR", lines, new BigDecimal(total), new BigDecimal("0.00"), new BigDecimal(total), pack, trace,
                seller, buyer);
    }

    private RecordPaymentCommand pay(String id, String amount, String currency) {
        return new RecordPaymentCommand(TENANT, invoiceId, id, new BigDecimal(amount), currency,
                LocalDate.of(2026, 1, 20), "transfer", "ref-" + id);
    }

    private PaymentRecordedEvent recorded(String id, String amount, String applied, String overpaid, String after) {
        return new PaymentRecordedEvent(TENANT, invoiceId, account, id, new BigDecimal(amount), new BigDecimal(applied),
                new BigDecimal(overpaid), new BigDecimal(after), "EUR", LocalDate.of(2026, 1, 20), "transfer",
                "ref-" + id);
    }

    @Test
    void aPartialPaymentLeavesTheRestOpen() {
        fixture.given(issued("49.00"))
                .when(pay("p1", "20.00", "EUR"))
                .expectEvents(recorded("p1", "20.00", "20.00", "0.00", "29.00"));
    }

    @Test
    void theLastPaymentPaysTheInvoice() {
        fixture.given(issued("49.00"), recorded("p1", "20.00", "20.00", "0.00", "29.00"))
                .when(pay("p2", "29.00", "EUR"))
                .expectEvents(recorded("p2", "29.00", "29.00", "0.00", "0.00"),
                        new InvoicePaidEvent(TENANT, invoiceId, account, LocalDate.of(2026, 1, 20)));
    }

    @Test
    void payingMoreThanTheBalanceCreditsTheAccountWithTheRest() {
        fixture.given(issued("49.00"))
                .when(pay("p1", "60.00", "EUR"))
                .expectEvents(recorded("p1", "60.00", "49.00", "11.00", "0.00"),
                        new InvoicePaidEvent(TENANT, invoiceId, account, LocalDate.of(2026, 1, 20)));
    }

    @Test
    void theSamePaymentRecordedTwiceIsAppliedOnce() {
        fixture.given(issued("49.00"), recorded("p1", "20.00", "20.00", "0.00", "29.00"))
                .when(pay("p1", "20.00", "EUR"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentInAnotherCurrencyIsRefused() {
        fixture.given(issued("49.00"))
                .when(pay("p1", "49.00", "USD"))
                .expectException(InvalidInvoiceException.class)
                .expectExceptionMessage("invoice INV-000001 is in EUR; a payment in USD cannot be applied to it")
                .expectNoEvents();
    }

    @Test
    void fractionsOfACentAreRefused() {
        fixture.given(issued("49.00"))
                .when(pay("p1", "10.005", "EUR"))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void aVoidInvoiceTakesNoPayment() {
        fixture.given(issued("49.00"), new InvoiceVoidedEvent(TENANT, invoiceId, account, LocalDate.of(2026, 1, 15),
                        "wrong customer", LocalDate.of(2026, 1, 16)))
                .when(pay("p1", "60.00", "EUR"))
                .expectException(InvalidInvoiceException.class)
                .expectExceptionMessage("invoice INV-000001 is void; no payment can be recorded against it")
                .expectNoEvents();
    }

    @Test
    void aPaidInvoiceCannotBeVoidedUntilRefunded() {
        fixture.given(issued("49.00"), recorded("p1", "20.00", "20.00", "0.00", "29.00"))
                .when(new VoidInvoiceCommand(TENANT, invoiceId, "duplicate", LocalDate.of(2026, 1, 21)))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void aRefundReopensTheInvoiceButCannotExceedWhatWasPaid() {
        fixture.given(issued("49.00"), recorded("p1", "49.00", "49.00", "0.00", "0.00"),
                        new InvoicePaidEvent(TENANT, invoiceId, account, LocalDate.of(2026, 1, 20)))
                .when(new RefundPaymentCommand(TENANT, invoiceId, "r1", new BigDecimal("10.00"),
                        LocalDate.of(2026, 1, 22), "goodwill"))
                .expectEvents(new PaymentRefundedEvent(TENANT, invoiceId, account, "r1", new BigDecimal("10.00"),
                        new BigDecimal("10.00"), "EUR", LocalDate.of(2026, 1, 22), "goodwill"));
        fixture.given(issued("49.00"), recorded("p1", "20.00", "20.00", "0.00", "29.00"))
                .when(new RefundPaymentCommand(TENANT, invoiceId, "r1", new BigDecimal("20.01"),
                        LocalDate.of(2026, 1, 22), "too much"))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotTouchTheInvoice() {
        fixture.given(issued("49.00"))
                .when(new RecordPaymentCommand(TenantId.of("intruder"), invoiceId, "p1", new BigDecimal("1.00"), "EUR",
                        LocalDate.of(2026, 1, 20), "transfer", null))
                .expectException(org.ratebook.engine.NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void theSameAccountAndDateAlwaysGiveTheSameInvoiceId() {
        org.assertj.core.api.Assertions.assertThat(InvoiceId.of(TENANT, account, LocalDate.of(2026, 1, 15)))
                .isEqualTo(invoiceId)
                .isNotEqualTo(InvoiceId.of(TENANT, account, LocalDate.of(2026, 2, 15)))
                .isNotEqualTo(InvoiceId.of(TenantId.of("other"), account, LocalDate.of(2026, 1, 15)))
                .isNotEqualTo(InvoiceId.of(TENANT, account, LocalDate.of(2026, 1, 15), 1));
    }
}
