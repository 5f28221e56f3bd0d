package org.ratebook.engine.invoicing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
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
                List.of("Recurring plan price from the catalog"));
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

    @Test
    void theSameAccountAndDateAlwaysGiveTheSameInvoiceId() {
        org.assertj.core.api.Assertions.assertThat(InvoiceId.of(TENANT, account, LocalDate.of(2026, 1, 15)))
                .isEqualTo(invoiceId)
                .isNotEqualTo(InvoiceId.of(TENANT, account, LocalDate.of(2026, 2, 15)))
                .isNotEqualTo(InvoiceId.of(TenantId.of("other"), account, LocalDate.of(2026, 1, 15)));
    }
}
