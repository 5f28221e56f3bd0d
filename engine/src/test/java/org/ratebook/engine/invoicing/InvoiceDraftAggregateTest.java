package org.ratebook.engine.invoicing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.invoicing.api.DiscardDraftCommand;
import org.ratebook.engine.invoicing.api.DraftInvoiceCommand;
import org.ratebook.engine.invoicing.api.FinalizeInvoiceCommand;
import org.ratebook.engine.invoicing.api.InvoiceDraftDiscardedEvent;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceFinalizedEvent;
import org.ratebook.engine.invoicing.api.InvoiceId;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.engine.invoicing.api.IssueCreditNoteCommand;
import org.ratebook.engine.invoicing.api.IssueInvoiceCommand;
import org.ratebook.engine.invoicing.api.PackRef;
import org.ratebook.engine.invoicing.api.RecordPaymentCommand;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.api.VoidInvoiceCommand;
import org.ratebook.engine.invoicing.domain.InvalidInvoiceException;
import org.ratebook.engine.invoicing.domain.Invoice;
import org.ratebook.engine.invoicing.domain.InvoiceNumbering;
import org.ratebook.engine.invoicing.query.Party;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A draft takes no number; finalizing numbers and issues it; discarding ends it; nothing else touches it. */
class InvoiceDraftAggregateTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final LocalDate BILLED = LocalDate.of(2026, 1, 15);
    private static final Instant REVIEW_UNTIL = Instant.parse("2026-01-16T00:00:00Z");
    private final AccountId account = AccountId.random();
    private final InvoiceId invoiceId = InvoiceId.of(TENANT, account, BILLED);
    private final PackRef pack = new PackRef("default", 1, "a".repeat(64));
    private final List<RuleFiring> trace = List.of(
            new RuleFiring(1, "PRICING", "Recurring plan price from the catalog", List.of("period")));
    private final Party seller = new Party("Demo Hosting", List.of("Street 1"), "DE1");
    private final Party buyer = new Party("ACME", List.of(), null);
    private final List<InvoiceLine> lines = List.of(new InvoiceLine(1, SubscriptionId.random(), "RECURRING",
            "Hosting Pro (monthly, in advance)", BILLED, LocalDate.of(2026, 2, 15), BigDecimal.ONE,
            new BigDecimal("49.00"), new BigDecimal("49.00"), new BigDecimal("19"), new BigDecimal("9.31"), "VAT 19%",
            List.of("Recurring plan price from the catalog"), "Pro", "evergreen", BILLED, LocalDate.of(2026, 2, 15)));
    private final AtomicInteger sequence = new AtomicInteger();
    private AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource((InvoiceNumbering) (tenant, date) -> "INV-%06d".formatted(sequence.incrementAndGet()));
    }

    private IssueInvoiceCommand invoice() {
        return new IssueInvoiceCommand(TENANT, invoiceId, account, BILLED, BILLED.plusDays(14), "EUR", lines, pack,
                trace, seller, buyer);
    }

    private InvoiceDraftedEvent drafted() {
        return new InvoiceDraftedEvent(TENANT, invoiceId, account, BILLED, "EUR", lines, new BigDecimal("49.00"),
                new BigDecimal("9.31"), new BigDecimal("58.31"), pack, trace, seller, buyer, List.of(), REVIEW_UNTIL);
    }

    @Test
    void aDraftIsTotalledButTakesNoNumber() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(invoiceId, invoice(), REVIEW_UNTIL))
                .expectEvents(drafted());
        org.assertj.core.api.Assertions.assertThat(sequence.get()).as("numbers taken").isZero();
    }

    @Test
    void finalizingNumbersTheDraftAndIssuesItDueAfterThePaymentTermsFromItsIssueDay() {
        LocalDate issuedOn = LocalDate.of(2026, 1, 17);
        fixture.given(drafted())
                .when(new FinalizeInvoiceCommand(TENANT, invoiceId, issuedOn, 14, "seller"))
                .expectEvents(new InvoiceFinalizedEvent(TENANT, invoiceId, account, "INV-000001", issuedOn,
                                LocalDate.of(2026, 1, 31), "seller"),
                        new InvoiceIssuedEvent(TENANT, invoiceId, account, "INV-000001", BILLED,
                                LocalDate.of(2026, 1, 31), "EUR", lines, new BigDecimal("49.00"),
                                new BigDecimal("9.31"), new BigDecimal("58.31"), pack, trace, seller, buyer));
    }

    @Test
    void aFinalizedInvoiceIsNotFinalizedAgainNorDiscarded() {
        LocalDate issuedOn = LocalDate.of(2026, 1, 16);
        InvoiceFinalizedEvent finalized = new InvoiceFinalizedEvent(TENANT, invoiceId, account, "INV-000001",
                issuedOn, issuedOn.plusDays(14), "seller");
        InvoiceIssuedEvent issued = new InvoiceIssuedEvent(TENANT, invoiceId, account, "INV-000001", BILLED,
                issuedOn.plusDays(14), "EUR", lines, new BigDecimal("49.00"), new BigDecimal("9.31"),
                new BigDecimal("58.31"), pack, trace, seller, buyer);
        fixture.given(drafted(), finalized, issued)
                .when(new FinalizeInvoiceCommand(TENANT, invoiceId, issuedOn, 14, "review window ended"))
                .expectException(InvalidInvoiceException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is finalized; only a draft can be finalized"))
                .expectNoEvents();
        fixture.given(drafted(), finalized, issued)
                .when(new DiscardDraftCommand(TENANT, invoiceId, "oops", issuedOn))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void aDraftIsDiscardedOnceAndThenNeitherFinalizedNorPaid() {
        LocalDate today = LocalDate.of(2026, 1, 15);
        InvoiceDraftDiscardedEvent discarded = new InvoiceDraftDiscardedEvent(TENANT, invoiceId, account, BILLED,
                "wrong quantity", today);
        fixture.given(drafted())
                .when(new DiscardDraftCommand(TENANT, invoiceId, " wrong quantity ", today))
                .expectEvents(discarded);
        fixture.given(drafted(), discarded)
                .when(new FinalizeInvoiceCommand(TENANT, invoiceId, today, 14, "seller"))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
        fixture.given(drafted(), discarded)
                .when(new RecordPaymentCommand(TENANT, invoiceId, "pay-1", new BigDecimal("58.31"), "EUR", today,
                        "external", null))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void aDraftTakesNoPaymentNoCreditNoteAndNoVoid() {
        LocalDate today = LocalDate.of(2026, 1, 15);
        fixture.given(drafted())
                .when(new RecordPaymentCommand(TENANT, invoiceId, "pay-1", new BigDecimal("58.31"), "EUR", today,
                        "external", null))
                .expectException(InvalidInvoiceException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is a draft"))
                .expectNoEvents();
        fixture.given(drafted())
                .when(new IssueCreditNoteCommand(TENANT, invoiceId, "cn-1", new BigDecimal("5.00"), "EUR", "goodwill",
                        today, java.math.RoundingMode.HALF_UP))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
        fixture.given(drafted())
                .when(new VoidInvoiceCommand(TENANT, invoiceId, "wrong", today))
                .expectException(InvalidInvoiceException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotFinalizeOrDiscardADraft() {
        fixture.given(drafted())
                .when(new FinalizeInvoiceCommand(TenantId.of("other"), invoiceId, BILLED, 14, "seller"))
                .expectException(org.ratebook.engine.NotFoundException.class)
                .expectNoEvents();
    }
}
