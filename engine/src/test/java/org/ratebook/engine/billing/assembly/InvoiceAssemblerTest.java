package org.ratebook.engine.billing.assembly;

import org.junit.jupiter.api.Test;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.billing.generator.BilledItem;
import org.ratebook.engine.billing.generator.ItemKind;
import org.ratebook.engine.billing.generator.Repair;
import org.ratebook.engine.invoicing.api.InvoiceLine;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.fact.SubscriptionPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure assembler, called directly: due items + decisions + credit in, the invoice's lines out. */
class InvoiceAssemblerTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate APRIL_1 = LocalDate.of(2024, 4, 1);
    private final AccountId parent = AccountId.random();
    private final AccountId branch = AccountId.random();
    private final String branchSubscription = UUID.randomUUID().toString();
    private final String parentSubscription = UUID.randomUUID().toString();

    private DecidedLine charge(String subscription, String amount) {
        return new DecidedLine(1, subscription, "RECURRING", "Hosting Large (monthly, in advance)", MARCH_1, APRIL_1,
                BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount), BigDecimal.ZERO,
                new BigDecimal("0.00"), "No tax", List.of("Recurring plan price from the catalog"));
    }

    /** 31.00 at 19% billed on INV-000001 for March; 11 of its 31 days given back: 11.00, tax 2.09. */
    private Repair repairOf(String subscription, String amount) {
        BilledItem billed = new BilledItem(subscription, "Large", "evergreen", 1, ItemKind.RECURRING, MARCH_1,
                APRIL_1, MARCH_1, APRIL_1, new BigDecimal("31.00"), null, new BigDecimal("31.00"),
                new BigDecimal("19"), "INV-000001");
        return new Repair(billed, LocalDate.of(2024, 3, 21), APRIL_1, new BigDecimal(amount),
                LocalDate.of(2024, 3, 21));
    }

    private InvoiceAssembler.Input input(List<DecidedLine> decided, List<Repair> repairs, String credit) {
        return new InvoiceAssembler.Input(parent, EUR, RoundingMode.HALF_UP, decided,
                List.of(new SubscriptionPeriod(branchSubscription, "Large", 1, "EUR", MARCH_1, APRIL_1)), repairs,
                Map.of(branchSubscription, branch, parentSubscription, parent), Map.of(branch, "Branch Office"),
                new BigDecimal(credit));
    }

    @Test
    void aBranchLineNamesTheBranchAndAvailableCreditPaysUpToTheTotal() {
        List<InvoiceLine> lines = InvoiceAssembler.assemble(input(List.of(charge(branchSubscription, "31.00")),
                List.of(), "40.00"));
        assertThat(lines).extracting(InvoiceLine::itemType, InvoiceLine::description, InvoiceLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RECURRING",
                                "Hosting Large (monthly, in advance), for Branch Office", new BigDecimal("31.00")),
                        org.assertj.core.groups.Tuple.tuple("CREDIT", "Account credit used",
                                new BigDecimal("-31.00")));
        assertThat(lines.getFirst().plan()).as("the span's plan, for later repairs").isEqualTo("Large");
        assertThat(InvoiceAssembler.creditMoved(lines)).isEqualByComparingTo("31.00");
    }

    @Test
    void aRepairGivesBackItsShareWithTheTaxAtTheRateChargedAndANegativeTotalBecomesCredit() {
        List<InvoiceLine> lines = InvoiceAssembler.assemble(input(List.of(), List.of(repairOf(parentSubscription,
                "-11.00")), "0.00"));
        assertThat(lines).hasSize(2);
        InvoiceLine repair = lines.getFirst();
        assertThat(repair.itemType()).isEqualTo("REPAIR");
        assertThat(repair.description())
                .isEqualTo("Unused time of Large billed on INV-000001 (1 March 2024 to 1 April 2024)");
        assertThat(repair.taxAmount()).isEqualByComparingTo("-2.09");
        assertThat(repair.repairsFrom()).isEqualTo(MARCH_1);
        InvoiceLine credit = lines.get(1);
        assertThat(credit.lineNo()).isEqualTo(2);
        assertThat(credit.description()).isEqualTo("Credit kept on the account for later invoices");
        assertThat(credit.amount()).isEqualByComparingTo("13.09");
        assertThat(InvoiceAssembler.creditMoved(lines)).isEqualByComparingTo("-13.09");
    }

    @Test
    void nothingDecidedAndNothingToRepairIsNoInvoice() {
        assertThat(InvoiceAssembler.assemble(input(List.of(), List.of(), "10.00"))).isEmpty();
    }

    @Test
    void theSameInputsGiveTheSameLines() {
        InvoiceAssembler.Input in = input(List.of(charge(branchSubscription, "31.00")),
                List.of(repairOf(parentSubscription, "-11.00")), "5.00");
        assertThat(InvoiceAssembler.assemble(in)).isEqualTo(InvoiceAssembler.assemble(in));
    }
}
